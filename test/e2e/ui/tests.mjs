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
//   t.shot(name) an extra screenshot; t.fakeCoderRecord the fake coder CLI's argument log
//   t.sandbox    the run's sandbox (lib/harness.mjs); t.server the code-server under test ({ pid, url })
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRunning, languageServers } from '../lib/processes.mjs';

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(file, needle, offsetInNeedle = 0) {
  const text = readFileSync(file, 'utf8');
  const index = text.indexOf(needle);
  assert.notEqual(index, -1, `${file} lacks ${needle}`);
  const before = text.slice(0, index + offsetInNeedle);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column };
}

function findFiles(dir, name, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) findFiles(full, name, out);
    else if (entry === name) out.push(full);
  }
  return out;
}

const METHOD_IDS = [
  'sysbox-docker',
  'sysbox-kubernetes',
  'envbox',
  'rootless-podman',
  'privileged-sidecar-docker',
  'privileged-sidecar-kubernetes',
  'systemd-sysbox',
];

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
      await wb.waitForNotification(/was (created|updated) in Coder/, 'saying the template was published');
      assert.ok(existsSync(fakeCoderRecord), 'the fake coder CLI was never run');
      const calls = readFileSync(fakeCoderRecord, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      const push = calls.find((args) => args[0] === 'templates' && (args[1] === 'push' || args[1] === 'create'));
      assert.ok(push, `no templates push/create call: ${JSON.stringify(calls)}`);
      assert.ok(push.includes('--directory') || push.includes('-d'), `the call names no directory: ${JSON.stringify(push)}`);
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
  // The language server crashing (SIGKILL from outside, found through /proc) is restarted a bounded number
  // of times (client/src/restartPolicy.ts: 4 restarts within 3 minutes); the next crash is not restarted,
  // and an error notification says so with a 'Show log' button that reveals the extension's output.
  // It kills only the server of its own window (each window has its own extension host), and it stays
  // the last test: whatever it leaves in the window ends when the runner closes the tab.
  {
    name: 'server-crash-restarts',
    feature: 'faults',
    fixture: 'broken-template',
    async run({ wb, folder, shot, sandbox, server }) {
      const RESTARTS = 4; // BoundedRestart(4, 3 * 60_000) in client/src/extension.ts
      const WINDOW_MS = 3 * 60_000;
      const servers = () => languageServers({ extensionsDir: sandbox.extensions, codeServerPid: server.pid, folder });
      const onlyServer = (what) => wb.poll(servers, (list) => list.length === 1, what, 90_000).then((list) => list[0]);
      /** Types `probe_<n> = var.probe_<n>` as the first line of the locals block; only a live server reports it. */
      const probe = async (n) => {
        const at = positionOf(join(folder, 'main.tf'), 'locals {', 'locals {'.length);
        // Like wb.goTo, but focusing the editor without clicking: with the Problems panel open the editor
        // is scrolled, and the click target of wb.focusEditor (the top of the text) is out of view.
        await wb.keepEditorFocus();
        await wb.page.keyboard.press('Control+G');
        const input = wb.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 45_000 });
        await input.fill(`:${at.line}:${at.column}`);
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 45_000 });
        await wb.page.keyboard.press('Escape');
        await wb.page.keyboard.press('Enter');
        await wb.page.keyboard.type(`probe_${n} = var.probe_${n}`);
        await wb.page.keyboard.press('Escape');
        await wb.waitForEditorText((t) => t.includes(`probe_${n} = var.probe_${n}`), `to hold probe_${n}`);
      };
      const kill = async (target) => {
        process.kill(target.pid, 'SIGKILL');
        await wb.poll(() => isRunning(target.pid), (running) => !running, `language server ${target.pid} to end after SIGKILL`);
      };

      await wb.openFile('main.tf');
      await wb.problems((t) => t.includes('undefined-reference'), 'to list undefined-reference from the first server');
      let current = await onlyServer('one language server for this window');
      const extensionHost = current.ppid;
      await probe(0);
      await wb.problems((t) => t.includes('var.probe_0'), 'to report var.probe_0 (the first server answers edits)');
      const seen = [current.pid];

      const firstKill = Date.now();
      for (let i = 1; i <= RESTARTS; i++) {
        await kill(current);
        const next = await onlyServer(`a new language server after crash ${i}`).catch((error) => {
          throw new Error(`crash ${i} of ${RESTARTS} allowed restarts was not followed by a new server: ${error.message}`);
        });
        assert.ok(!seen.includes(next.pid), `crash ${i}: the server pid ${next.pid} was seen before (${seen.join(', ')})`);
        assert.equal(next.ppid, extensionHost, `crash ${i}: the new server was not started by this window's extension host`);
        seen.push(next.pid);
        current = next;
        // The new server republishes the open file's findings and reports an edit made after the restart.
        await probe(i);
        await wb.problems(
          (t) => t.includes(`var.probe_${i}`) && t.includes('undefined-reference') && t.includes('removed-workspace-owner-attribute'),
          `to report var.probe_${i} and the fixture's findings after restart ${i}`,
        );
        if (i === 1) await shot('server-crash-after-restart');
      }
      const elapsed = Date.now() - firstKill;
      assert.ok(elapsed < WINDOW_MS - 10_000, `the ${RESTARTS} restarts took ${Math.round(elapsed / 1000)} s, too close to the policy's 3-minute window for the next crash to pass the limit`);

      // One crash more than the policy allows: no restart, an error notification with 'Show log'.
      await kill(current);
      const message = /language server stopped several times and will not be restarted/;
      await wb.waitForNotification(message, 'saying the server will not be restarted').catch((error) => {
        throw new Error(`${error.message}\n(language servers of this window now: ${JSON.stringify(servers())})`);
      });
      const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: message }).first();
      const button = toast.locator('.monaco-button', { hasText: /^Show log$/ });
      assert.equal(await button.count(), 1, `the notification has no 'Show log' button: ${await toast.innerText()}`);
      assert.ok(await toast.locator('.codicon-error, .codicon-notifications-error, .severity-icon.codicon-error').count(), 'the notification is not an error');
      await shot('server-crash-notification');
      // Only one such notification, and none of the client's own "connection is erroring" ones.
      const texts = await wb.notifications();
      assert.equal(texts.filter((t) => message.test(t)).length, 1, `expected one notification: ${JSON.stringify(texts)}`);
      assert.ok(!texts.some((t) => /erroring|Restarting server failed|crashed \d+ times/.test(t)), `unexpected client notifications: ${JSON.stringify(texts)}`);

      // No server comes back (a restart forks at once, well within this window), and the stopped server's
      // findings are withdrawn from the window.
      const quietUntil = Date.now() + 15_000;
      while (Date.now() < quietUntil) {
        const list = servers();
        assert.deepEqual(list, [], `a language server was started after the limit: ${JSON.stringify(list)}`);
        await wb.page.waitForTimeout(500);
      }
      await wb.problems((t) => !t.includes('undefined-reference') && !t.includes('var.probe_'), 'to drop the stopped server\'s findings');

      // 'Show log' reveals the extension's output channel, which tells the same story.
      await button.click();
      const output = wb.page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
      await output.waitFor({ state: 'visible', timeout: 45_000 }).catch((error) => {
        throw new Error(`'Show log' did not reveal the Output panel: ${error.message.split('\n')[0]}`);
      });
      // The panel's channel picker (a <select>) has the extension's channel selected.
      await wb.poll(
        () => wb.page.locator('.part.panel select').evaluateAll((els) => els.map((el) => el.selectedOptions[0]?.textContent ?? '')),
        (selected) => selected.includes('Coder Docker-in-Workspace'),
        'the Output panel to have the Coder Docker-in-Workspace channel selected',
      );
      const log = await wb.poll(
        () => output.locator('.view-lines').innerText(),
        (t) => /Server will not be restarted/.test(t.replace(/\u00a0/g, ' ')),
        'the output channel to say the server will not be restarted',
      );
      assert.match(log.replace(/\u00a0/g, ' '), /Server will restart/, `the log does not show the restarts:\n${log}`);
      await shot('server-crash-show-log');
      assert.deepEqual(servers(), [], 'a language server was started after Show log');
    },
  },
];
