// The UI tests: what a user sees in the real workbench. Each test gets a fresh browser tab on its own copy
// of a fixture folder, and the runner saves a screenshot named after it (test-results/screenshots/).
//
// A test belongs to a feature; test/e2e/ui/features.json says which features are enabled. Tests of
// features that are not enabled are not run, and the runner lists them loudly as "not enabled" (they are
// never counted as passing). To enable one, set its feature to true.
//
// To add a test: push { name, feature, fixture, run } below. `run(t)` gets
//   t.wb         the Workbench driver (lib/workbench.mjs), already on the fixture folder
//   t.folder     the absolute path of this test's copy of the fixture
//   t.shot(name, ...locators) an extra screenshot (of the part of the page that holds the locators, if
//                given); t.fakeCoderRecord the fake coder CLI's argument log
//   t.sandbox    the run's sandbox (lib/harness.mjs); t.server the code-server under test ({ pid, url })
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { faultTests } from './faults.tests.mjs';
import { previewTests } from './preview.tests.mjs';
import { statusTests } from './status.tests.mjs';
import { findFiles, METHOD_IDS, positionOf } from './support.mjs';
import { walkthroughTests } from './walkthrough.tests.mjs';

export { positionOf } from './support.mjs';

export const tests = [
  {
    name: 'extension-active',
    feature: 'core',
    fixture: 'broken-template',
    async run({ wb }) {
      await wb.openFile('main.tf');
      await wb.poll(() => wb.statusBar(), (text) => /Terraform/.test(text), 'the status bar to show the Terraform language mode');
      await wb.command('Developer: Show Running Extensions');
      const editor = wb.page.locator('.runtime-extensions-editor');
      await editor.waitFor({ timeout: 45_000 });
      // The list is virtual (only the rows on screen are in the DOM) and sorted by activation time, so
      // scroll through it looking for the extension.
      const box = await editor.boundingBox();
      const findInList = async () => {
        await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await wb.page.mouse.wheel(0, -100_000);
        let seen = '';
        for (let i = 0; i < 40; i++) {
          const text = await editor.innerText();
          if (text.includes('Coder Docker-in-Workspace Templates')) return text;
          if (text === seen) break; // reached the end
          seen = text;
          await wb.page.mouse.wheel(0, box.height / 2);
          await wb.page.waitForTimeout(150);
        }
        return seen;
      };
      const text = await wb.poll(
        findInList,
        (t) => t.includes('Coder Docker-in-Workspace Templates'),
        'the running extensions to list Coder Docker-in-Workspace Templates',
      );
      // Its row shows how long activation took, which only an activated extension has.
      const row = text.split('Coder Docker-in-Workspace Templates')[1].split('\n').slice(0, 4).join(' ');
      assert.match(row, /Activation: \d+ms/, `the extension's row shows no activation: ${row}`);
    },
  },
  {
    name: 'problems-panel',
    feature: 'diagnostics',
    fixture: 'broken-template',
    async run({ wb }) {
      await wb.openFile('main.tf');
      const text = await wb.problems(
        (t) => t.includes('removed-workspace-owner-attribute') && t.includes('undefined-reference'),
        'to list removed-workspace-owner-attribute and undefined-reference',
      );
      assert.match(text, /coder-dind/);
      const rows = await wb.problemRows();
      const owner = rows.find((r) => r.text.includes('removed-workspace-owner-attribute'));
      assert.ok(owner, 'no Problems row for removed-workspace-owner-attribute');
      assert.match(owner.text, /owner/);
      assert.match(owner.ariaLabel, /Error/i, `the owner finding should be an error: ${owner.ariaLabel}`);
      const reference = rows.find((r) => r.text.includes('undefined-reference'));
      assert.match(reference.text, /namespace/);
    },
  },
  {
    // Module-wide diagnostics: a finding in a file of the open template's folder that was never opened.
    name: 'problems-closed-file',
    feature: 'diagnostics',
    fixture: 'module-template',
    async run({ wb, folder, shot }) {
      await wb.openFile('main.tf');
      const text = await wb.problems(
        (t) => t.includes('locals.tf') && t.includes('undefined-reference'),
        'to list the undefined-reference of the closed locals.tf',
      );
      assert.match(text, /var\.namespace/);
      const tabs = (await wb.page.locator('.tabs-container').innerText()).replace(/\s+/g, ''); // a tab reads "main\n.tf"
      assert.ok(tabs.includes('main.tf') && !tabs.includes('locals.tf'), `locals.tf should not be open: tabs ${JSON.stringify(tabs)}`);
      await shot('problems-closed-file-finding');
      // Fixed on disk, as another tool (or git) would: the file watcher tells the server, which clears it.
      const locals = join(folder, 'locals.tf');
      writeFileSync(locals, readFileSync(locals, 'utf8').replace('var.namespace', 'var.workspace_namespace'));
      // The panel is open and focused: read it again without its shortcut (which would toggle it closed).
      await wb.poll(
        () => wb.page.locator('.markers-panel').innerText(),
        (t) => /No problems have been detected/.test(t) && !t.includes('locals.tf'),
        'the Problems panel to drop the finding once locals.tf is fixed on disk',
      );
    },
  },
  {
    name: 'quick-fix',
    feature: 'diagnostics',
    fixture: 'broken-template',
    async run({ wb, folder, shot }) {
      const file = join(folder, 'main.tf');
      await wb.openFile('main.tf');
      await wb.problems((t) => t.includes('removed-workspace-owner-attribute'), 'to list removed-workspace-owner-attribute');
      const at = positionOf(file, 'data.coder_workspace.me.owner', 'data.coder_workspace.me.'.length);
      await wb.goTo(at.line, at.column);
      const labels = await wb.openQuickFixMenu();
      await shot('quick-fix-menu');
      // The walkthrough's picture: the finding's line from its start, and the menu.
      const line = await wb.editor().locator('.view-line', { hasText: 'data.coder_workspace.me.owner' }).first().boundingBox();
      await shot('walkthrough-fix', wb.page.locator('.action-widget'), { x: line.x, y: line.y, width: 1, height: line.height });
      // The rule's fix comes first; the extra actions (ignore, docs) follow it.
      const fix = labels.find((l) => !/^(Ignore|Show documentation|Learn more)|Copilot|\bchat\b/i.test(l));
      assert.ok(fix, `no fix among the quick fixes: ${JSON.stringify(labels)}`);
      await wb.chooseQuickFix(fix);
      const text = await wb.waitForEditorText(
        (t) => t.includes('data.coder_workspace_owner.me.name') && !t.includes('data.coder_workspace.me.owner'),
        'to use data.coder_workspace_owner.me.name',
      );
      assert.ok(!text.includes('data.coder_workspace.me.owner'));
      await wb.page.keyboard.press('Control+S');
      await wb.poll(() => readFileSync(file, 'utf8'), (t) => t.includes('data.coder_workspace_owner.me.name'), 'main.tf on disk to hold the fix');
      await wb.problems((t) => !t.includes('removed-workspace-owner-attribute') && t.includes('undefined-reference'), 'to drop the fixed finding');
    },
  },
  {
    name: 'completion',
    feature: 'completion',
    fixture: 'broken-template',
    async run({ wb, folder }) {
      await wb.openFile('main.tf');
      const lines = readFileSync(join(folder, 'main.tf'), 'utf8').split('\n').length;
      await wb.goTo(lines, 1);
      await wb.page.keyboard.type('\nresource "coder_');
      const labels = await wb.completion();
      assert.ok(labels.includes('coder_agent'), `coder_agent not offered; suggestions: ${JSON.stringify(labels)}`);
    },
  },
  {
    name: 'hover',
    feature: 'hover',
    fixture: 'broken-template',
    async run({ wb, folder }) {
      await wb.openFile('main.tf');
      const at = positionOf(join(folder, 'main.tf'), 'data "coder_workspace" "me"', 'data "coder_'.length);
      await wb.goTo(at.line, at.column);
      const text = await wb.hover();
      assert.match(text, /coder_workspace/, `hover text: ${text}`);
      assert.ok(text.length > 'coder_workspace'.length + 10, `the hover says almost nothing: ${text}`);
    },
  },
  {
    name: 'scaffold',
    feature: 'scaffold',
    fixture: 'empty',
    async run({ wb, folder, shot }) {
      await wb.command('Coder: New Docker-in-Workspace Template…');
      const items = await wb.poll(() => wb.quickPickItems(), (rows) => rows.length >= METHOD_IDS.length, 'the method quick pick');
      const all = items.join('\n');
      for (const id of METHOD_IDS) assert.ok(all.includes(id), `method ${id} missing from the quick pick:\n${all}`);
      await shot('scaffold-quick-pick');
      await shot('walkthrough-scaffold', wb.page.locator('.quick-input-widget'));
      await wb.page.locator('.quick-input-widget input').fill('sysbox-docker');
      await wb.page.keyboard.press('Enter');
      // Accept every default (parameters, then the folder) until the files are written.
      const created = () => findFiles(folder, 'main.tf');
      for (let i = 0; i < 15 && created().length === 0; i++) {
        await wb.acceptQuickInput();
        await wb.page.waitForTimeout(400);
      }
      const [mainTf] = await wb.poll(created, (files) => files.length === 1, 'the scaffold to write one main.tf');
      assert.match(readFileSync(mainTf, 'utf8'), /sysbox-runc/);
      assert.ok(existsSync(join(dirname(mainTf), 'README.md')), 'the scaffold wrote no README.md beside main.tf');
      // The new main.tf is opened, and a notification says where the template went.
      await wb.page.locator('.tabs-container .tab.active[aria-label*="main.tf"]').waitFor({ timeout: 45_000 });
      await wb.waitForNotification(/sysbox-docker/, 'naming the written template');

      // The same again into the same folder: a modal asks before overwriting, and Cancel writes nothing.
      const marker = '# edited by hand after scaffolding\n';
      writeFileSync(mainTf, marker + readFileSync(mainTf, 'utf8'));
      const before = readFileSync(mainTf, 'utf8');
      await wb.command('Coder: New Docker-in-Workspace Template…');
      await wb.poll(() => wb.quickPickItems(), (rows) => rows.length >= METHOD_IDS.length, 'the method quick pick, again');
      await wb.page.locator('.quick-input-widget input').fill('sysbox-docker');
      await wb.page.keyboard.press('Enter');
      const dialog = wb.page.locator('.monaco-dialog-box');
      for (let i = 0; i < 15 && !(await dialog.isVisible()); i++) {
        await wb.acceptQuickInput();
        await wb.page.waitForTimeout(400);
      }
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(await dialog.innerText(), /already has main\.tf and README\.md\. Overwrite them\?/);
      await shot('scaffold-overwrite-prompt');
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await wb.page.waitForTimeout(1000);
      assert.equal(readFileSync(mainTf, 'utf8'), before, 'Cancel left main.tf as it was');
    },
  },
  {
    name: 'publish',
    feature: 'publish',
    fixture: 'clean-template',
    async run({ wb, shot, fakeCoderRecord }) {
      await wb.openFile('main.tf');
      await wb.command('Coder: Push Template');
      // Accept the defaults of the prompts (template name, message, ...) and confirm the "Publish …?"
      // dialog, until the progress notification shows.
      const progress = () => wb.notifications().then((texts) => texts.some((t) => /Publishing/.test(t)));
      for (let i = 0; i < 15 && !(await progress()); i++) {
        const publishButton = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Publish/ }).first();
        if (await publishButton.isVisible()) await publishButton.click();
        else await wb.acceptQuickInput();
        await wb.page.waitForTimeout(400);
      }
      // The progress names the provisioner stage the CLI reports ("==> ⧗ Running").
      await wb.waitForNotification(/Publishing[\s\S]*Running/, 'showing the publish progress at the Running stage');
      await shot('publish-progress');
      await shot('walkthrough-push', wb.page.locator('.notifications-toasts .notification-toast', { hasText: /Publishing/ }));
      await wb.waitForNotification(/was (created|updated) in Coder/, 'saying the template was published');
      assert.ok(existsSync(fakeCoderRecord), 'the fake coder CLI was never run');
      const calls = readFileSync(fakeCoderRecord, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      const push = calls.find((args) => args[0] === 'templates' && (args[1] === 'push' || args[1] === 'create'));
      assert.ok(push, `no templates push/create call: ${JSON.stringify(calls)}`);
      assert.ok(push.includes('--directory') || push.includes('-d'), `the call names no directory: ${JSON.stringify(push)}`);
    },
  },
  {
    name: 'publish-blocked',
    feature: 'publish',
    fixture: 'push-blocked',
    async run({ wb, shot, fakeCoderRecord }) {
      const callsBefore = existsSync(fakeCoderRecord) ? readFileSync(fakeCoderRecord, 'utf8') : '';
      await wb.openFile('main.tf');
      await wb.problems((t) => t.includes('file-not-uploaded'), 'to list file-not-uploaded before publishing');
      await wb.command('Coder: Push Template');
      await wb.waitForNotification(/coder templates push would fail on this folder, so it was not run: 2 problems/, 'saying the push was stopped');
      // Both findings: the open file's from the language server, the closed file's from the command.
      const rows = await wb.poll(
        () => wb.problemRows(),
        (list) => list.filter((r) => r.text.includes('file-not-uploaded')).length === 2,
        'Problems panel to list both file-not-uploaded findings',
      );
      const blocked = rows.filter((r) => r.text.includes('file-not-uploaded'));
      assert.ok(blocked.some((r) => /\.modules/.test(r.text)) && blocked.some((r) => /outside the template folder/.test(r.text)));
      await shot('publish-blocked');
      const callsAfter = existsSync(fakeCoderRecord) ? readFileSync(fakeCoderRecord, 'utf8') : '';
      assert.equal(callsAfter, callsBefore, 'the fake coder CLI was run');
    },
  },
  {
    name: 'publish-cancel',
    feature: 'publish',
    fixture: 'clean-template',
    async run({ wb, shot }) {
      await wb.openFile('main.tf');
      await wb.command('Coder: Push Template');
      const progress = () => wb.notifications().then((texts) => texts.some((t) => /Publishing/.test(t)));
      for (let i = 0; i < 15 && !(await progress()); i++) {
        const publishButton = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Publish/ }).first();
        if (await publishButton.isVisible()) await publishButton.click();
        else await wb.acceptQuickInput();
        await wb.page.waitForTimeout(400);
      }
      // Cancel from the progress notification while the (slow) fake CLI is still running.
      const toast = wb.page.locator('.notification-toast', { hasText: /Publishing/ }).first();
      await toast.waitFor({ timeout: 30_000 });
      await toast.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await wb.waitForNotification(/Publishing was cancelled; the coder CLI was stopped\./, 'saying the publish was cancelled');
      await shot('publish-cancelled');
      const texts = await wb.notifications();
      assert.ok(!texts.some((t) => /was (created|updated) in Coder/.test(t)), `a cancelled publish still reported success: ${JSON.stringify(texts)}`);
    },
  },
  ...statusTests,
  ...previewTests,
  ...walkthroughTests,
  // Stays last: see ui/faults.tests.mjs.
  ...faultTests,
];
