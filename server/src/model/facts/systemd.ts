import type { ScriptText } from '../scripts';
import { CommandMatch, findCommandIn } from './commands';

/**
 * Programs that boot systemd as PID 1: `/sbin/init` (a link to systemd in the images that have it),
 * `/usr/sbin/init`, `/lib/systemd/systemd` and `/usr/lib/systemd/systemd`, run directly or through `exec`.
 */
const SYSTEMD_INIT = [/(?<![\w/.-])(?:\/usr)?(?:\/sbin\/init|\/lib\/systemd\/systemd)(?![\w.-])/g];

/** Where a container's command, entrypoint or args start systemd, if they do. */
export function systemdInit(c: { scripts: ReadonlyArray<{ script: ScriptText }> }): CommandMatch | undefined {
  return findCommandIn(
    c.scripts.map((s) => s.script),
    SYSTEMD_INIT,
  );
}

/** Whether a container boots systemd: the one test of method detection and of every systemd rule. */
export function runsSystemd(c: { scripts: ReadonlyArray<{ script: ScriptText }> }): boolean {
  return systemdInit(c) !== undefined;
}
