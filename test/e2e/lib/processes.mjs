// Finds the language server processes of one workbench window from outside, through /proc, so a UI test
// can kill the real server the way a crash would (no backdoor in the extension).
//
// A language server of this extension is a Node process whose command line runs the installed
// extension's dist/server.js. vscode-languageclient starts it with the window's workspace folder as its
// working directory, which tells the windows of one code-server apart (each window has its own extension
// host), and it descends from the code-server under test (its process group leader, the harness guard).
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { readdirSync } from 'node:fs';

/** { pid, ppid, state } from /proc/<pid>/stat, or undefined once the process is gone. */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may hold spaces; the fields after it are fixed.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

/** True while the process exists and is not a zombie (killed but not yet reaped by its parent). */
export function isRunning(pid) {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

function descendsFrom(pid, ancestor) {
  for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
    if (p === ancestor) return true;
    const stat = procStat(p);
    if (!stat) return false;
    p = stat.ppid;
  }
  return false;
}

/**
 * The running language servers of the extension installed in `extensionsDir`, started under the
 * code-server whose group leader is `codeServerPid`, for the window whose workspace folder is `folder`.
 * Returns [{ pid, ppid, args }] (ppid: the extension host that started it).
 */
export function languageServers({ extensionsDir, codeServerPid, folder }) {
  const wantedCwd = realpathSync(folder);
  const wantedModulePrefix = realpathSync(extensionsDir) + '/';
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean);
      const runsServer = args.some((arg) => arg.endsWith('/dist/server.js') && (arg.startsWith(wantedModulePrefix) || arg.startsWith(extensionsDir + '/')));
      if (!runsServer) continue;
      if (readlinkSync(`/proc/${pid}/cwd`) !== wantedCwd) continue;
      if (!isRunning(pid) || !descendsFrom(pid, codeServerPid)) continue;
      found.push({ pid, ppid: procStat(pid).ppid, args: args.join(' ') });
    } catch {
      // ended while we looked, or not ours to read
    }
  }
  return found;
}
