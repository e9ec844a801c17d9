// UI tests of the workspace preview (feature "preview"): the panel drawn from coderDind/preview, opened
// from the editor title and from the language status, following edits, revealing blocks and quoting
// Coder's error text for a value typed in the form.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clickLanguageStatusLink } from '../lib/serverViews.mjs';
import { goToKeepingFocus, positionOf } from './support.mjs';

/** The preview's page: code-server nests a webview's document in two frames. */
function previewPage(wb) {
  return wb.page.frameLocator('iframe.webview').last().frameLocator('#active-frame');
}

/** Reads `read(page)` in the preview until `predicate` holds. */
function inPreview(wb, read, predicate, what) {
  const page = previewPage(wb);
  return wb.poll(() => read(page).catch(() => undefined), (v) => v !== undefined && predicate(v), `the preview ${what}`);
}

const texts = (locator) => locator.evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));

/** Waits until the editor of `name` is active with the cursor on `line` (the status bar's "Ln 59, Col 1"). */
async function waitForCursorLine(wb, name, line) {
  await wb.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 45_000 });
  await wb.poll(() => wb.statusBar(), (t) => new RegExp(`Ln ${line}, Col 1\\b`).test(t), `the cursor to be on line ${line}`);
}

export const previewTests = [
  {
    name: 'preview-envbox',
    feature: 'preview',
    fixture: 'examples/envbox',
    async run({ wb, folder, shot }) {
      const main = join(folder, 'main.tf');
      await wb.openFile('main.tf');
      // The editor title's button shows once the language status has learned that this is a Coder template.
      const button = wb.page.locator('.editor-actions .action-label[aria-label*="Preview Workspace"]').first();
      await button.waitFor({ timeout: 45_000 });
      await wb.command('View: Close Primary Side Bar');
      await button.click();

      // The form lists the three parameters in their `order`, with the defaults filled in.
      const titles = await inPreview(wb, (p) => texts(p.locator('section.param .param-title .label')), (t) => t.length === 3, 'to list three parameters');
      assert.deepEqual(titles, ['CPU', 'Memory', 'Home disk size']);
      const cpu = previewPage(wb).locator('section.param[data-address="data.coder_parameter.cpu"]');
      assert.equal(await cpu.locator('input').inputValue(), '2');
      assert.match(await cpu.locator('.badges').innerText(), /mutable/);
      assert.match(await previewPage(wb).locator('section.param[data-address="data.coder_parameter.home_disk_size"] .badges').innerText(), /immutable/);
      // The workspace: the agent's apps come from the registry modules, the pod runs envbox, privileged.
      assert.deepEqual(await texts(previewPage(wb).locator('.agent button.app .app-name')), ['code-server', 'JetBrains Toolbox']);
      const pod = previewPage(wb).locator('section.compute').first();
      assert.match(await pod.locator('.badges').innerText(), /privileged[\s\S]*Envbox/);
      assert.ok((await pod.locator('ul.needs li').count()) > 0, 'the method says what the nodes need');
      await shot('preview-envbox-form');

      // A value Coder's validation refuses shows Coder's own words.
      await cpu.locator('input').fill('lots');
      const error = await inPreview(wb, () => cpu.locator('.error').innerText(), (t) => t.includes('does not match'), 'to show the validation error');
      assert.match(error, /Invalid parameter value according to 'validation' block\s+Give a positive CPU quantity such as 2, 1\.5 or 500m\. \(value "lots" does not match "\^/);
      await shot('preview-validation', cpu);
      await cpu.locator('input').fill('500m');
      await inPreview(wb, () => cpu.locator('.error').innerText(), (t) => t.trim() === '', 'to clear the error of a valid value');

      // A click on a parameter lands on its block.
      await previewPage(wb).locator('section.param[data-address="data.coder_parameter.memory"] .param-title').click();
      await waitForCursorLine(wb, 'main.tf', positionOf(main, 'data "coder_parameter" "memory"').line);

      // Typing in the template updates the preview.
      const at = positionOf(main, 'display_name = "CPU"', 'display_name = "CPU'.length);
      await goToKeepingFocus(wb, at.line, at.column);
      await wb.page.keyboard.type(' cores');
      await inPreview(wb, (p) => texts(p.locator('section.param .param-title .label')), (t) => t[0] === 'CPU cores', 'to follow the edit');
    },
  },
  {
    name: 'preview-privileged-sidecar-docker',
    feature: 'preview',
    fixture: 'examples/privileged-sidecar-docker',
    async run({ wb, folder, shot }) {
      await wb.openFile('main.tf');
      await wb.command('View: Close Primary Side Bar');
      await clickLanguageStatusLink(wb, 'Privileged docker sidecar (Docker)', 'Preview Workspace');
      await wb.page.mouse.move(700, 300);
      await wb.page.locator('.hover-language-status').first().waitFor({ state: 'hidden', timeout: 45_000 });
      await inPreview(wb, (p) => p.locator('section.compute').count(), (n) => n === 2, 'to show the workspace and the sidecar');
      assert.match(await previewPage(wb).locator('p.no-parameters').innerText(), /no parameters/);
      const roles = await texts(previewPage(wb).locator('section.compute .badges'));
      assert.equal(roles.filter((r) => /dind sidecar/.test(r) && /privileged/.test(r)).length, 1, `one privileged sidecar: ${roles}`);
      assert.equal(roles.filter((r) => /workspace/.test(r) && /Privileged docker sidecar \(Docker\)/.test(r) && !/privileged /.test(r)).length, 1, `the workspace shows the method: ${roles}`);
      await shot('preview-sidecar-workspace');

      // An app button lands on the module that creates it.
      await previewPage(wb).locator('button.app', { hasText: 'code-server' }).click();
      await waitForCursorLine(wb, 'main.tf', positionOf(join(folder, 'main.tf'), 'module "code-server"').line);
    },
  },
];
