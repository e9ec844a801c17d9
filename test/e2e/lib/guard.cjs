// Runs a command and ties its life to the harness process that started it. The harness starts this guard
// detached (a new session and process group); the command inherits the group. If the harness dies
// without cleaning up (SIGKILL, a CI job timeout), the guard notices and kills the whole group, so no
// code-server, extension host or language server outlives it.
// Usage: node guard.cjs <harness pid> <command> [args...]   (exit code: the command's)
'use strict';
const { spawn } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const { constants } = require('node:os');

/** The harness marks every process it starts with this variable (harness.mjs SANDBOX_ENV). */
const SANDBOX_ENV = 'CODER_DIND_E2E_SANDBOX';
const sandbox = process.env[SANDBOX_ENV];

/**
 * Processes that left the group but carry this sandbox's mark: code-server starts its extension host in
 * a process group of its own, and that host only notices its parent is gone after a while (over 15 s on
 * a loaded machine, measured), with the language server still under it.
 */
function markedProcesses() {
  if (!sandbox) return [];
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`${SANDBOX_ENV}=${sandbox}\0`)) found.push(Number(entry));
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return found;
}

const [parentArg, command, ...args] = process.argv.slice(2);
const parent = Number(parentArg);
const child = spawn(command, args, { stdio: 'inherit' });

function parentAlive() {
  try {
    process.kill(parent, 0);
    return process.ppid === parent;
  } catch {
    return false;
  }
}

/**
 * The harness is gone: kill code-server first, so that nothing starts another extension host; then what
 * carries the mark, again until two passes in a row find nothing (a process forked while a pass listed
 * /proc escapes that pass); then the group, this guard with it.
 */
function killEverything() {
  try {
    child.kill('SIGKILL');
  } catch {
    // gone
  }
  for (let pass = 0, empty = 0; pass < 30 && empty < 2; pass++) {
    const left = markedProcesses();
    empty = left.length ? 0 : empty + 1;
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(137);
  }
}

const timer = setInterval(() => {
  if (!parentAlive()) killEverything();
}, 500);

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  clearInterval(timer);
  // With the harness dead, code-server can end on its own first (a write to the harness's closed pipe
  // fails) and leave its server process and extension host behind: clean up before going.
  if (!parentAlive()) killEverything();
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});
child.on('error', (error) => {
  console.error(`guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
