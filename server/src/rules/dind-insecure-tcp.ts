import { Container, containerLabel } from '../model/containers';
import type { TfFile } from '../model/document';
import { scriptOf, scriptOffsetToFile, ScriptText } from '../model/scripts';
import { attribute } from '../model/syntax';
import { FixBuilder } from './edits';
import type { Fix, Rule } from './types';

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
 * dockerd's arguments when it names no `dockerd` (the docker:dind image's entrypoint prepends it).
 */
export function daemonListeners(scripts: ScriptText[], daemonImplied = false): DaemonListener[] {
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

/** Where a shell command ends: `;`, `&`, `|` or a line break that is not escaped. */
function commandEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === ';' || ch === '&' || ch === '|') return i;
    if (ch === '\n' && text[i - 1] !== '\\' && !(text[i - 1] === '\r' && text[i - 2] === '\\')) return i;
  }
  return text.length;
}

/** Whether a `tcp://host:port` address is a loopback one (Docker's exemption); undefined when not literal. */
function isLoopback(address: string): boolean | undefined {
  const rest = address.slice('tcp://'.length);
  if (rest.includes('${')) return undefined;
  const host = rest.startsWith('[') ? rest.slice(1, rest.indexOf(']')) : rest.replace(/:\d*\/?$/, '').replace(/\/$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const dindInsecureTcp: Rule = {
  meta: {
    id: 'dind-insecure-tcp',
    defaultSeverity: 'warning',
    description: 'A Docker daemon should not listen on a non-loopback TCP address without TLS.',
    fixable: true,
  },
  check({ module, facts, report }) {
    const seen = new Set<string>();
    // The fix binds to loopback: right only when the workspace is in the sidecar's own pod.
    const podSidecar = (c: Container | undefined) =>
      c?.platform === 'kubernetes' && c.isDindSidecar && facts.workspaceContainers.some((w) => w.resource.name === c.resource.name);
    const check = (file: TfFile, scripts: ScriptText[], container: Container | undefined, envTls: boolean) => {
      const image = (container?.image ?? '').toLowerCase();
      const implied = image.startsWith('docker:') && image.includes('dind');
      for (const listener of daemonListeners(scripts, implied)) {
        if (listener.tls || envTls || isLoopback(listener.address) !== false) continue;
        const start = scriptOffsetToFile(listener.script, listener.start);
        const end = scriptOffsetToFile(listener.script, listener.end - 1) + 1;
        const key = `${file.path}:${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const sameFileText = file.text.slice(start, end) === listener.address;
        report({
          file,
          range: file.rangeOfOffsets(start, end),
          message: message(listener, container, podSidecar(container)),
          fix: podSidecar(container) && sameFileText ? loopbackFix(file, start, end, listener.address) : undefined,
        });
      }
    };
    for (const c of facts.containers) {
      const tlsEnv = c.env.find((e) => e.name === 'DOCKER_TLS_VERIFY');
      check(c.file, joined(c.scripts.map((s) => s.script)), c, !!tlsEnv && tlsEnv.value !== '');
    }
    for (const agent of facts.agents) {
      if (agent.startupScript) check(agent.declaration.file, [agent.startupScript], undefined, false);
    }
    for (const script of module.resources('coder_script')) {
      const value = attribute(script.block, 'script')?.value;
      if (value) check(script.file, [scriptOf(value)], undefined, false);
    }
  },
};

function message(listener: DaemonListener, c: Container | undefined, inWorkspacePod: boolean): string {
  const who = c?.isDindSidecar ? 'The dind sidecar\'s dockerd' : 'dockerd';
  const reach = c?.privileged ? ', and through this privileged container root on the node' : '';
  const risk = `${who} listens on \`${listener.address}\` without TLS: anything that can reach that address gets full, unauthenticated control of the daemon${reach}. Docker deprecated unauthenticated TCP in 26.0: the daemon warns and holds its start for about 15 seconds${listener.tlsOff ? ', and with `--tls=false` Docker 27 and later refuse to start at all' : ''}.`;
  if (c && inWorkspacePod) {
    return `${risk} The workspace shares the pod's network namespace with ${containerLabel(c)}, so bind to \`127.0.0.1\` and use DOCKER_HOST=tcp://localhost:<port>.`;
  }
  if (c?.isDindSidecar && c.platform === 'docker') {
    return `${risk} Either let the sidecar use TLS (the docker:dind image creates certificates under DOCKER_TLS_CERTDIR; share the client certificates with the workspace and set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH there), or run the workspace in the sidecar's network namespace (\`network_mode = "container:…"\`) and bind to \`127.0.0.1\`.`;
  }
  return `${risk} If only this workspace uses the daemon, bind to \`127.0.0.1\` or keep the Unix socket.`;
}

function loopbackFix(file: TfFile, start: number, end: number, address: string): Fix {
  const port = /:(\d+)\/?$/.exec(address)?.[1] ?? '2375';
  const replacement = `tcp://127.0.0.1:${port}`;
  return new FixBuilder(`Bind to ${replacement}`).replace(file, start, end, replacement).build();
}

/** The scripts of one container as one command line (docker: entrypoint then command; Kubernetes: command then args). */
function joined(scripts: ScriptText[]): ScriptText[] {
  if (scripts.length < 2) return scripts;
  const out: ScriptText = { text: '', pieces: [] };
  for (const s of scripts) {
    if (out.text) {
      const last = out.pieces[out.pieces.length - 1];
      out.pieces.push({ at: out.text.length, from: last ? last.from + last.length : 0, length: 0 });
      out.text += ' ';
    }
    for (const p of s.pieces) out.pieces.push({ ...p, at: p.at + out.text.length });
    out.text += s.text;
  }
  return [out];
}
