// The survivor check: every process the harness starts carries SANDBOX_ENV in its environment, so
// anything left behind after a run is found through /proc, reported and killed.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sleep } from './processGroups.mjs';
import { SANDBOX_ENV } from './sandbox.mjs';

/** Processes (other than this one) whose environment or command line names the sandbox. */
export function findSurvivors(sandboxRoot) {
  // An empty or relative root would match every process on the machine.
  if (typeof sandboxRoot !== 'string' || !sandboxRoot.startsWith(tmpdir()) || sandboxRoot.length < tmpdir().length + 10) {
    throw new Error(`findSurvivors: ${JSON.stringify(sandboxRoot)} is not a harness sandbox`);
  }
  const found = [];
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if (environ.includes(`${SANDBOX_ENV}=${sandboxRoot}`) || cmdline.includes(sandboxRoot)) {
        found.push({ pid: Number(entry), cmdline: cmdline.split('\0').join(' ').trim() });
      }
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return found;
}

/**
 * After a run: waits briefly for processes to go, then kills and reports any that are left.
 * Returns the survivors found (an empty list is the only good result).
 */
export async function reapSurvivors(sandboxRoot, limitMs = 5_000) {
  let survivors = findSurvivors(sandboxRoot);
  const deadline = Date.now() + limitMs;
  while (survivors.length && Date.now() < deadline) {
    await sleep(200);
    survivors = findSurvivors(sandboxRoot);
  }
  for (const { pid } of survivors) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return survivors;
}
