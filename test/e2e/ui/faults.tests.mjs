// The UI test of a language server that keeps crashing (feature "faults").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, languageServers } from '../lib/processes.mjs';
import { outputChannel } from '../lib/serverViews.mjs';
import { findFiles, OUTPUT_CHANNEL, typeProbe } from './support.mjs';

/** The texts of an output channel's log files, one per window (extension host) that wrote it. */
function channelLogs(userData, channel) {
  return findFiles(join(userData, 'logs'), `${channel}.log`).map((file) => readFileSync(file, 'utf8'));
}

export const faultTests = [
  // The language server crashing (SIGKILL from outside, found through /proc) is restarted a bounded number
  // of times (client/src/serverLifecycle.ts: 4 restarts within 3 minutes); the next crash is not restarted,
  // and an error notification says so with a 'Show log' button that reveals the extension's output.
  // It kills only the server of its own window (each window has its own extension host), and it stays
  // the last test: whatever it leaves in the window ends when the runner closes the tab.
  {
    name: 'server-crash-restarts',
    feature: 'faults',
    fixture: 'broken-template',
    async run({ wb, folder, shot, sandbox, server }) {
      const RESTARTS = 4; // RESTART_LIMIT in client/src/serverLifecycle.ts (4 restarts within 3 minutes)
      const WINDOW_MS = 3 * 60_000;
      const servers = () => languageServers({ extensionsDir: sandbox.extensions, codeServerPid: server.pid, folder });
      const onlyServer = (what) => wb.poll(servers, (list) => list.length === 1, what, 90_000).then((list) => list[0]);
      const probe = (n) => typeProbe(wb, folder, n);
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
      await outputChannel(wb, OUTPUT_CHANNEL, /Server will not be restarted/).catch((error) => {
        throw new Error(`'Show log' did not reveal the server's output: ${error.message.split('\n')[0]}`);
      });
      // The panel shows the end of the channel (after a SIGKILL it may hold a stack trace of the server's
      // hcl-syntax worker); the channel's log file holds all of it.
      const logs = channelLogs(sandbox.userData, OUTPUT_CHANNEL).filter((text) => /Server will not be restarted/.test(text));
      assert.equal(logs.length, 1, 'one window logged that its server will not be restarted');
      assert.equal(logs[0].match(/Server will restart\./g)?.length, RESTARTS, `the log does not show the ${RESTARTS} restarts:\n${logs[0]}`);
      await shot('server-crash-show-log');
      assert.deepEqual(servers(), [], 'a language server was started after Show log');
    },
  },
];
