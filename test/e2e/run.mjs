#!/usr/bin/env node
// npm run e2e: installs the tools (once), packages the extension, then runs both kinds of end-to-end
// test in code-server: the extension-host suite (mocha, VS Code API) and the UI tests (Playwright).
// Both kinds run even when the first fails, so one run shows everything; the exit code is 1 if any failed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const started = Date.now();
const results = [];

function step(title, args, { stopOnFailure = false } = {}) {
  const t0 = Date.now();
  console.log(`\n--- e2e: ${title}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({ title, ok, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
  if (!ok && stopOnFailure) finish();
  return ok;
}

function finish() {
  console.log('\n--- e2e summary');
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.title} (${r.seconds}s)`);
  const ok = results.every((r) => r.ok);
  console.log(`  ${ok ? 'all passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(ok ? 0 : 1);
}

step('setup (Node 24, code-server, playwright-core, chromium)', [join(here, 'setup.mjs')], { stopOnFailure: true });
step('package (build + vsce)', [join(root, 'scripts', 'package.mjs')], { stopOnFailure: true });
step('harness self-test (no process survives stop, SIGINT, SIGTERM, SIGKILL)', ['--test', '--test-reporter', 'spec', join(here, 'harness.test.mjs')]);
step('extension-host tests (mocha in code-server)', [join(here, 'run-extension-tests.mjs')]);
step('UI tests (Playwright + chromium)', [join(here, 'run-ui-tests.mjs')]);
finish();
