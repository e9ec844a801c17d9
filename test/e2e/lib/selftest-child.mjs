// For harness.test.mjs: starts code-server (and, with --browser, Chromium on the workbench) through the
// harness, prints {"sandbox": ..., "pid": ...} and waits until it is killed or interrupted.
import { createSandbox, findSurvivors, launchBrowser, sleep, startCodeServer } from './harness.mjs';

const sandbox = createSandbox('selftest');
const server = await startCodeServer(sandbox);
if (process.argv.includes('--browser')) {
  const browser = await launchBrowser(sandbox);
  await browser.context.pages()[0].goto(`${server.url}/?folder=${encodeURIComponent(sandbox.workspaces)}`);
  await browser.context.pages()[0].locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Wait for the extension host, so the test also covers it.
  const deadline = Date.now() + 60_000;
  while (!findSurvivors(sandbox.root).some((p) => /extensionHost|--type=extensionHost/.test(p.cmdline)) && Date.now() < deadline) await sleep(250);
}
console.log(JSON.stringify({ sandbox: sandbox.root, pid: server.pid }));
setInterval(() => {}, 1_000);
