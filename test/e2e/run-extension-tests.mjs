#!/usr/bin/env node
// Runs the mocha suite in test/e2e/suite inside code-server's Node extension host.
//
// code-server has no --extensionTestsPath flag. The browser workbench reads extensionDevelopmentPath and
// extensionTestsPath from the URL's `payload` when the server runs with enable-smoke-test-driver, and
// reports the suite's result by calling window.codeAutomationExit(code). The extension under test is the
// packaged VSIX, unpacked by `code-server --install-extension` into a folder of its own.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  createSandbox,
  installVsix,
  launchBrowser,
  reapSurvivors,
  requireSetup,
  startCodeServer,
  tail,
} from './lib/harness.mjs';
import { paths } from './lib/paths.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[ext-host ${elapsed()}] ${msg}`);
const RUN_LIMIT_MS = 10 * 60_000;
const NOISE = /AgentHost|ENOTFOUND|copilot|open-vsx|marketplace|gallery|Could not identify extension for 'vscode' require/i;

async function main() {
  requireSetup();
  if (!existsSync(paths.vsix)) throw new Error(`${paths.vsix} is missing; run npm run package`);
  const sandbox = createSandbox('exthost');
  const resultsFile = join(sandbox.root, 'results.json');
  const consoleLog = join(sandbox.logs, 'extension-host-console.log');
  const workspace = join(sandbox.workspaces, 'exthost');
  mkdirSync(workspace, { recursive: true });
  let server;
  let browser;
  let exitCode = 1;
  try {
    const extensionPath = await installVsix(sandbox, paths.vsix, join(sandbox.root, 'unpacked'));
    log(`unpacked ${paths.vsix} to ${extensionPath}`);
    server = await startCodeServer(sandbox, { smokeTestDriver: true, env: { CODER_DIND_E2E_RESULTS: resultsFile } });
    log(`code-server on ${server.url}`);
    browser = await launchBrowser(sandbox);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());

    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    // The workbench forwards the extension host's console here; print the test output, drop offline noise.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      appendFileSync(consoleLog, `${type === 'error' ? 'ERR ' : ''}${text}\n`);
      if (process.env.E2E_VERBOSE === '1' && !NOISE.test(text)) console.log(`  ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Array.isArray(logs)) {
        const dir = join(sandbox.root, 'workbench-logs');
        mkdirSync(dir, { recursive: true });
        for (const { relativePath, contents } of logs) {
          const safe = String(relativePath).replace(/[^\w.-]+/g, '_');
          writeFileSync(join(dir, safe), contents ?? '');
        }
      }
      resolveExit(Number(code));
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(join(paths.root, 'test', 'e2e', 'suite', 'index.js'))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log('opening the workbench with the test payload');
    await page.goto(url);
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('limit'), RUN_LIMIT_MS).unref()),
    ]);
    if (code === 'limit') {
      throw new Error(
        `the suite did not report back within ${RUN_LIMIT_MS / 60_000} min (is enable-smoke-test-driver on?); code-server log:\n${tail(server.logFile)}`,
      );
    }
    log(`codeAutomationExit(${code})`);
    if (!existsSync(resultsFile)) throw new Error(`the suite wrote no results to ${resultsFile}; code-server log:\n${tail(server.logFile)}`);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const title of results.passes) console.log(`  ✔ ${title}`);
    for (const failure of results.failures) console.log(`  ✗ ${failure.title}\n    ${failure.error.split('\n').slice(0, 8).join('\n    ')}`);
    for (const title of results.pending) console.log(`  - ${title} (pending: not allowed)`);
    if (results.failures.length) console.log(`  extension host console: ${consoleLog}`);
    log(`${results.passes.length} passing, ${results.failures.length} failing, ${results.pending.length} pending (${results.files.join(', ')})`);
    if (code === 0 && results.failures.length === 0 && results.pending.length === 0 && results.passes.length > 0) exitCode = 0;
  } catch (error) {
    console.error(`[ext-host] ERROR: ${error instanceof Error ? error.message : error}`);
  } finally {
    await browser?.close();
    await server?.stop();
    const survivors = await reapSurvivors(sandbox.root);
    if (survivors.length) {
      console.error(`[ext-host] ${survivors.length} harness process(es) survived and were killed:`);
      for (const s of survivors) console.error(`  pid ${s.pid}: ${s.cmdline.slice(0, 300)}`);
      exitCode = 1;
    } else {
      log('no harness process survived');
    }
    if (exitCode === 0 && process.env.E2E_KEEP !== '1') sandbox.remove();
    else log(`sandbox kept for inspection: ${sandbox.root}`);
  }
  log(exitCode === 0 ? 'PASS' : 'FAIL');
  if (process.env.E2E_DEBUG_HANDLES === '1') console.log(process._getActiveHandles());
  return exitCode;
}

process.exitCode = await main();
