// The process groups the harness starts (code-server under its guard) and the cleanups that must run
// however the harness ends: on exit no group outlives it; on SIGINT/SIGTERM/SIGHUP the registered
// cleanups (browsers, servers) run first.
import { constants as osConstants } from 'node:os';

/** Process groups started by this process that are still alive. */
const liveGroups = new Set();
/** Async cleanups (browsers, servers) to run on a signal. */
const cleanups = new Set();
let handlersInstalled = false;

export function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: whatever way the process ends, no process group outlives it.
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\n[e2e] ${signal}: stopping code-server and the browser`);
      const code = 128 + osConstants.signals[signal];
      Promise.allSettled([...cleanups].map((fn) => fn()))
        .finally(() => process.exit(code));
      // A cleanup that hangs must not keep the process alive.
      setTimeout(() => process.exit(code), 10_000).unref();
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('[e2e] uncaught exception:', error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('[e2e] unhandled rejection:', error);
    process.exit(1);
  });
}

/** Registers an async cleanup that runs on SIGINT/SIGTERM; returns a function that unregisters it. */
export function onInterrupt(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Tracks a process group until stopGroup ends it (or the process exits and kills it). */
export function trackGroup(pgid) {
  liveGroups.add(pgid);
}

export async function stopGroup(pgid, exited) {
  if (!liveGroups.has(pgid)) return;
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  await Promise.race([exited, limit(2_000)]);
  liveGroups.delete(pgid);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A time limit for Promise.race that does not keep the process alive once the race is decided. */
export function limit(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
