// Runs a command and ties its life to the harness process that started it. The harness starts this guard
// detached (a new session and process group); the command inherits the group. If the harness dies
// without cleaning up (SIGKILL, a CI job timeout), the guard notices and kills the whole group, so no
// code-server, extension host or language server outlives it.
// Usage: node guard.cjs <harness pid> <command> [args...]   (exit code: the command's)
'use strict';
const { spawn } = require('node:child_process');
const { constants } = require('node:os');

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

const timer = setInterval(() => {
  if (!parentAlive()) {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(137);
    }
  }
}, 500);

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  clearInterval(timer);
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});
child.on('error', (error) => {
  console.error(`guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
