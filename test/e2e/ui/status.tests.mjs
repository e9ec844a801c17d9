// UI tests of the language status items and the server's commands (feature "status").
import assert from 'node:assert/strict';
import { isRunning, languageServers } from '../lib/processes.mjs';
import { clickLanguageStatusLink, languageStatus, outputChannel } from '../lib/serverViews.mjs';
import { OUTPUT_CHANNEL, typeProbe } from './support.mjs';

export const statusTests = [
  // The language status ("{}" beside the language mode) of a demo template: the method the server detects,
  // with its docs, and the server's row with the findings of the folder, counted as they change.
  {
    name: 'language-status',
    feature: 'status',
    fixture: 'examples/sysbox-kubernetes',
    async run({ wb, shot }) {
      const method = 'Sysbox container runtime (Kubernetes)';
      await wb.openFile('main.tf');
      const rows = await wb.poll(
        () => languageStatus(wb),
        (list) => list.some((r) => r.text === method) && list.some((r) => r.text === 'coder-dind running'),
        `the language status to name ${method} and a running server`,
      );
      assert.deepEqual(rows.find((r) => r.text === method), { text: method, detail: 'Preview Workspace', links: ['Preview Workspace', 'Docs'] });
      assert.deepEqual(
        rows.find((r) => r.text === 'coder-dind running'),
        { text: 'coder-dind running', detail: 'no findings in this folder · Restart', links: ['Restart', 'Show Output'] },
        'the demo template lints clean',
      );

      // A finding typed into the template is counted in the server's row.
      await wb.page.mouse.move(1, 1);
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.type('\nlocals { probe = var.not_declared }');
      await wb.poll(
        () => languageStatus(wb),
        (list) => list.some((r) => r.text === 'coder-dind running' && r.detail === '1 finding in this folder (1 error) · Restart'),
        'the language status to count the new finding',
      );
      await shot('language-status-hover');

      // Docs opens Coder's documentation of the method (code-server asks before opening an external site).
      await clickLanguageStatusLink(wb, method, 'Docs');
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 45_000 });
      // The dialog shortens the URL in its middle; its start names the page.
      assert.match(await dialog.innerText(), /Do you want code-server to open the external website\?\s+https:\/\/coder\.com\/docs\/admin\/templates\/extending-\s*templates\/docker-in-workspaces#/);
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    },
  },
  // Coder: Restart Language Server, from the palette and from the status item, ends the server and starts
  // a new one that answers edits; Coder: Show Output shows its log, which tells of the restarts.
  {
    name: 'restart-and-output',
    feature: 'status',
    fixture: 'broken-template',
    async run({ wb, folder, shot, sandbox, server }) {
      const servers = () => languageServers({ extensionsDir: sandbox.extensions, codeServerPid: server.pid, folder });
      await wb.openFile('main.tf');
      await wb.problems((t) => t.includes('undefined-reference'), 'to list undefined-reference from the first server');
      const [first] = await wb.poll(servers, (list) => list.length === 1, 'one language server for this window', 90_000);
      const seen = [first.pid];
      const restartedBy = async (how, n) => {
        const [next] = await wb.poll(servers, (list) => list.length === 1 && !seen.includes(list[0].pid), `a new language server after a restart from the ${how}`, 90_000);
        assert.equal(next.ppid, first.ppid, 'the new server was started by the same extension host');
        // The old server may still be tearing down when the new one shows up (its command line is gone
        // from /proc before its state is): it must end within seconds, not necessarily first.
        await wb.poll(() => seen.filter((pid) => isRunning(pid)), (running) => running.length === 0, `the old servers (${seen.join(', ')}) to end after a restart from the ${how}`, 15_000);
        seen.push(next.pid);
        await typeProbe(wb, folder, n);
        await wb.problems((t) => t.includes(`var.probe_${n}`) && t.includes('removed-workspace-owner-attribute'), `to report var.probe_${n} (the server restarted from the ${how} answers)`);
      };

      await wb.command('Coder: Restart Language Server');
      await restartedBy('palette', 1);
      await clickLanguageStatusLink(wb, 'coder-dind running', 'Restart');
      await restartedBy('status item', 2);
      // Two findings of the fixture and the two probes, and the method row of a Coder template without one.
      await wb.poll(
        () => languageStatus(wb),
        (rows) =>
          rows.some((r) => r.text === 'coder-dind running' && r.detail === '4 findings in this folder (4 errors) · Restart') &&
          rows.some((r) => r.text === 'No Docker-in-workspace method detected'),
        'the status item to show the restarted server running, with the findings of the folder',
      );

      await clickLanguageStatusLink(wb, 'coder-dind running', 'Show Output');
      const log = await outputChannel(wb, OUTPUT_CHANNEL, /Restarting the language server on request\.[\s\S]*Restarting the language server on request\./);
      assert.doesNotMatch(log, /will not be restarted/);
      await shot('show-output');
      await wb.closePanel();
      await wb.command('Coder: Show Output');
      await outputChannel(wb, OUTPUT_CHANNEL, /Restarting the language server on request\./);
    },
  },
];
