import type { Container } from '../containers';
import type { ScriptText } from '../scripts';
import { attribute } from '../syntax';
import { isDindImage } from './daemonStart';
import type { EnvEntry } from './env';
import type { ValueReader } from './reader';
import { asString } from './values';

// The daemon starts are read by the container model too; their home is daemonStart.ts.
export { findDaemonStart, isDindImage, startsDaemon } from './daemonStart';

/** One `-H tcp://…` / `--host=tcp://…` of a dockerd command line, located in its script. */
export interface DaemonListener {
  address: string;
  script: ScriptText;
  /** Offsets of the address in the script text. */
  start: number;
  end: number;
  /** `--tlsverify`, or `--tls` with a certificate, on the same command line. */
  tls: boolean;
  /** `--tls=false` / `--tlsverify=false`: Docker 27 and later refuse to start with a remote listener. */
  tlsOff: boolean;
}

const DOCKERD = /\bdockerd\b/g;
const HOST_FLAG = /(?:^|[\s"'])(?:-H|--host)(?:=|\s+)["']?(tcp:\/\/[^\s"';&|)]*)/g;
const TLS_VERIFY = /--tlsverify(?:=(?:true|1))?(?=$|[\s"'])/;
const TLS_WITH_CERT = /--tls(?:=(?:true|1))?(?=$|[\s"'])/;
const TLS_OFF = /--tls(?:verify)?=(?:false|0)(?=$|[\s"'])/;

/**
 * The TCP listeners dockerd is started with in these scripts. `daemonImplied` treats the whole text as
 * dockerd's arguments when it names no `dockerd` (the dind image's entrypoint prepends it).
 */
export function daemonListeners(scripts: readonly ScriptText[], daemonImplied = false): DaemonListener[] {
  const out: DaemonListener[] = [];
  for (const script of scripts) {
    const starts = [...script.text.matchAll(DOCKERD)].map((m) => m.index ?? 0);
    // The dind entrypoint prepends dockerd only when the first argument is a flag.
    if (!starts.length && daemonImplied && script.text.trimStart().startsWith('-')) starts.push(0);
    for (const start of starts) {
      const end = commandEnd(script.text, start);
      const line = script.text.slice(start, end);
      const tls = TLS_VERIFY.test(line) || (TLS_WITH_CERT.test(line) && /--tlscert\b/.test(line));
      const tlsOff = TLS_OFF.test(line);
      for (const m of line.matchAll(HOST_FLAG)) {
        const at = start + (m.index ?? 0) + m[0].lastIndexOf(m[1]);
        out.push({ address: m[1], script, start: at, end: at + m[1].length, tls: tls && !tlsOff, tlsOff });
      }
    }
  }
  return out;
}

/** Whether a script names dockerd at all (started, or given as the dind image's command). */
export function mentionsDockerd(scripts: readonly ScriptText[]): boolean {
  return scripts.some((s) => /\bdockerd\b/.test(s.text));
}

/** Where a shell command ends: `;`, `&`, `|` or a line break that is not escaped. */
function commandEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === ';' || ch === '&' || ch === '|') return i;
    if (ch === '\n' && text[i - 1] !== '\\' && !(text[i - 1] === '\r' && text[i - 2] === '\\')) return i;
  }
  return text.length;
}

/** An explicit `-H`/`--host` anywhere in the container's command line (unix or tcp). */
const ANY_HOST_FLAG = /(?:^|[\s"'])(?:-H|--host)(?=[=\s])/;

/**
 * What the dind image's own entrypoint adds (docker-library/docker `dockerd-entrypoint.sh`): when the
 * container keeps that entrypoint and its first argument is a flag, or it has none, the entrypoint
 * starts `dockerd --host=unix://… --host=tcp://0.0.0.0:2376 --tlsverify …` when DOCKER_TLS_CERTDIR is
 * set (the image sets `/certs`), and `dockerd --host=unix://… --host=tcp://0.0.0.0:2375` without TLS when
 * it is empty. Only containers that give no `-H`/`--host` of their own are read. Undefined when the
 * entrypoint adds no listener; `unknown` when the template does not say (a variable, an env that cannot be read).
 */
export function imageEntrypointListener(reader: ValueReader, c: Container): EntrypointListener | 'unknown' | undefined {
  if (!isDindImage(c.image)) return undefined;
  const [replacing, argumentsName] = c.platform === 'docker' ? ['entrypoint', 'command'] : ['command', 'args'];
  if (attribute(c.block, replacing)) return undefined;
  if (c.scripts.some((s) => ANY_HOST_FLAG.test(s.script.text))) return undefined;
  const args = attribute(c.block, argumentsName);
  if (args) {
    const list = reader.read(args.value, c.file);
    if (list.kind !== 'list') return 'unknown';
    const first = list.items[0];
    if (first) {
      const text = asString(first);
      if (text === undefined) return 'unknown';
      if (!text.startsWith('-')) return undefined;
    } else if (list.open) {
      return 'unknown';
    }
  }
  const certDir = c.env.find((e) => e.name === 'DOCKER_TLS_CERTDIR');
  if (!certDir) return c.envOpen ? 'unknown' : { address: 'tcp://0.0.0.0:2376', tls: true };
  if (typeof certDir.value !== 'string') return 'unknown';
  return certDir.value === '' ? { address: 'tcp://0.0.0.0:2375', tls: false, certDir } : { address: 'tcp://0.0.0.0:2376', tls: true, certDir };
}

export interface EntrypointListener {
  address: string;
  tls: boolean;
  /** The DOCKER_TLS_CERTDIR entry that decided it, when the container sets one. */
  certDir?: EnvEntry;
}
