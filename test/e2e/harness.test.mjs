// Checks the harness itself: whatever way a run ends, no process it started survives. A child process
// starts code-server (and Chromium) through the harness; then it is stopped, interrupted or killed.
// Run: node --test test/e2e/harness.test.mjs (part of npm run e2e).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findSurvivors, reapSurvivors, requireSetup } from './lib/harness.mjs';

const child = fileURLToPath(new URL('./lib/selftest-child.mjs', import.meta.url));

/** Starts the child; resolves with its process and what it printed once code-server is up. */
function startChild(args = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ proc, ...JSON.parse(line) });
    });
    proc.on('exit', (code) => reject(new Error(`selftest child exited early (${code}): ${out}`)));
  });
}

function exited(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve({ code: proc.exitCode, signal: proc.signalCode });
    else proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

requireSetup();

for (const { name, signal, args, expect } of [
  { name: 'SIGINT stops code-server', signal: 'SIGINT', args: [], expect: { code: 130 } },
  { name: 'SIGTERM stops code-server', signal: 'SIGTERM', args: [], expect: { code: 143 } },
  // The hard case: the harness gets no chance to clean up. The guard kills code-server's group (with the
  // extension host and language server the workbench started); Chromium exits when its pipe closes.
  { name: 'SIGKILL of the harness: code-server, extension host and Chromium still stop', signal: 'SIGKILL', args: ['--browser'], expect: { signal: 'SIGKILL' } },
]) {
  test(name, async () => {
    const { proc, sandbox, pid } = await startChild(args);
    try {
      assert.ok(findSurvivors(sandbox).some((p) => p.pid === pid), 'code-server is not running under the sandbox');
      if (args.includes('--browser')) {
        const running = findSurvivors(sandbox);
        assert.ok(running.some((p) => /chrom/i.test(p.cmdline)), 'Chromium is not running under the sandbox');
        assert.ok(running.some((p) => /--type=extensionHost/.test(p.cmdline)), 'the extension host is not running under the sandbox');
      }
      proc.kill(signal);
      const result = await exited(proc);
      if (expect.code !== undefined) assert.equal(result.code, expect.code);
      else assert.equal(result.signal, expect.signal);
      const left = await reapSurvivors(sandbox, 15_000);
      assert.deepEqual(left.map((p) => `${p.pid} ${p.cmdline.slice(0, 200)}`), [], 'processes survived');
    } finally {
      proc.kill('SIGKILL');
      rmSync(sandbox, { recursive: true, force: true });
    }
  });
}
