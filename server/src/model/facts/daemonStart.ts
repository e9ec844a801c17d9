import type { ScriptText } from '../scripts';
import { CommandMatch, findCommand, findCommandIn } from './commands';

/** Commands that start a Docker daemon; each match must also sit in a command position (see `findCommand`). */
const DAEMON_STARTS: readonly RegExp[] = [
  /(?<![\w.-])dockerd(?![\w.-])/g,
  /\bservice\s+docker\s+(?:re)?start\b/g,
  /\bsystemctl\s+(?:re)?start\s+docker(?:\.service)?(?![\w.-])/g,
  /\/etc\/init\.d\/docker\s+(?:re)?start\b/g,
];

/** The first command of a script that starts a Docker daemon, with its file offsets. */
export function findDaemonStart(script: ScriptText): CommandMatch | undefined {
  return findCommand(script, DAEMON_STARTS);
}

export function startsDaemon(scripts: readonly ScriptText[]): boolean {
  return findCommandIn(scripts, DAEMON_STARTS) !== undefined;
}

/**
 * The `docker` image's dind variants (`docker:dind`, `docker:27-dind`, `docker:dind-rootless`), also
 * spelled with Docker Hub's registry prefix. Their entrypoint starts dockerd itself.
 */
export function isDindImage(image: string | undefined): boolean {
  const i = (image ?? '').toLowerCase().replace(/^(?:docker\.io\/|index\.docker\.io\/)(?:library\/)?/, '');
  return i.startsWith('docker:') && i.includes('dind');
}
