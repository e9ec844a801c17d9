import { Container, containerLabel } from '../model/containers';
import type { TfFile } from '../model/document';
import { DaemonListener, daemonListeners, EntrypointListener, imageEntrypointListener, isDindImage } from '../model/facts/daemon';
import { valuesOf } from '../model/facts/reader';
import { scriptOf, scriptOffsetToFile, ScriptText } from '../model/scripts';
import { attribute } from '../model/syntax';
import { FixBuilder } from './edits';
import type { EnvEntry } from '../model/facts/env';
import { defineRule, Fix, MessageData, Report } from './types';

/** Whether a `tcp://host:port` address is a loopback one (Docker's exemption); undefined when not literal. */
function isLoopback(address: string): boolean | undefined {
  const rest = address.slice('tcp://'.length);
  if (rest.includes('${')) return undefined;
  const host = rest.startsWith('[') ? rest.slice(1, rest.indexOf(']')) : rest.replace(/:\d*\/?$/, '').replace(/\/$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The risk every listener finding opens with. Its two optional clauses (what a privileged container adds,
 * what `--tls=false` adds) and the daemon's name are data: as separate ids they would multiply each
 * situation's wording eightfold.
 */
const RISK =
  '{{daemon}} listens on `{{address}}` without TLS: anything that can reach that address gets full, unauthenticated control of the daemon{{privilegedReach}}. Docker deprecated unauthenticated TCP in 26.0: the daemon warns and holds its start for about 15 seconds{{tlsOffRefusal}}.';
const PRIVILEGED_REACH = ', and through this privileged container root on the node';
const TLS_OFF_REFUSAL = ', and with `--tls=false` Docker 27 and later refuse to start at all';

const MESSAGES = {
  workspaceInPod: `${RISK} The workspace shares the pod's network namespace with {{container}}, so bind to \`127.0.0.1\` and use DOCKER_HOST=tcp://localhost:<port>.`,
  dockerSidecar: `${RISK} Either let the sidecar use TLS (the docker:dind image creates certificates under DOCKER_TLS_CERTDIR; share the client certificates with the workspace and set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH there), or run the workspace in the sidecar's network namespace (\`network_mode = "container:…"\`) and bind to \`127.0.0.1\`.`,
  bindLoopback: `${RISK} If only this workspace uses the daemon, bind to \`127.0.0.1\` or keep the Unix socket.`,
  emptyCertDir:
    'DOCKER_TLS_CERTDIR is empty, so the docker:dind image\'s entrypoint starts dockerd in {{container}} with `--host={{address}}` and no TLS: anything that can reach the container gets full, unauthenticated control of the daemon{{privilegedReach}}. ' +
    'Docker deprecated unauthenticated TCP in 26.0 (the daemon warns and holds its start for about 15 seconds). ' +
    'Keep TLS (leave DOCKER_TLS_CERTDIR unset, and give the workspace the client certificates), or start dockerd yourself bound to `tcp://127.0.0.1:2375` when the workspace shares the pod\'s network.',
};
type MessageId = keyof typeof MESSAGES;

export const dindInsecureTcp = defineRule({
  meta: {
    id: 'dind-insecure-tcp',
    defaultSeverity: 'warning',
    description: 'A Docker daemon should not listen on a non-loopback TCP address without TLS.',
    fixable: true,
    messages: MESSAGES,
    tags: ['dind', 'docker', 'kubernetes', 'security'],
  },
  check({ module, facts, report }) {
    const seen = new Set<string>();
    // The fix binds to loopback: right only when the workspace is in the sidecar's own pod.
    const podSidecar = (c: Container | undefined) =>
      c?.platform === 'kubernetes' && c.isDindSidecar && facts.workspaceContainers.some((w) => w.resource.name === c.resource.name);
    const check = (file: TfFile, scripts: ScriptText[], container: Container | undefined, envTls: boolean) => {
      for (const listener of daemonListeners(scripts, isDindImage(container?.image))) {
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
          ...message(listener, container, podSidecar(container)),
          fix: podSidecar(container) && sameFileText ? loopbackFix(file, start, end, listener.address) : undefined,
        });
      }
    };
    const reader = valuesOf(module);
    for (const c of facts.containers) {
      const tlsEnv = c.env.find((e) => e.name === 'DOCKER_TLS_VERIFY');
      check(c.file, joined(c.scripts.map((s) => s.script)), c, !!tlsEnv && tlsEnv.value !== '');
      const implied = imageEntrypointListener(reader, c);
      if (implied && implied !== 'unknown' && !implied.tls && implied.certDir) reportImplied(report, c, implied, implied.certDir);
    }
    for (const agent of facts.agents) {
      if (agent.startupScript) check(agent.declaration.file, [agent.startupScript], undefined, false);
    }
    for (const script of module.resources('coder_script')) {
      const value = attribute(script.block, 'script')?.value;
      if (value) check(script.file, [scriptOf(value)], undefined, false);
    }
  },
});

function message(listener: DaemonListener, c: Container | undefined, inWorkspacePod: boolean): { messageId: MessageId; data: MessageData } {
  const data = {
    daemon: c?.isDindSidecar ? 'The dind sidecar\'s dockerd' : 'dockerd',
    address: listener.address,
    privilegedReach: c?.privileged ? PRIVILEGED_REACH : '',
    tlsOffRefusal: listener.tlsOff ? TLS_OFF_REFUSAL : '',
  };
  if (c && inWorkspacePod) return { messageId: 'workspaceInPod', data: { ...data, container: containerLabel(c) } };
  if (c?.isDindSidecar && c.platform === 'docker') return { messageId: 'dockerSidecar', data };
  return { messageId: 'bindLoopback', data };
}

/**
 * The dind image's entrypoint listening on all interfaces without TLS because DOCKER_TLS_CERTDIR is empty.
 * No fix: TLS changes the port and needs client certificates in the workspace, and a loopback listener
 * means replacing the entrypoint's own command line.
 */
function reportImplied(report: (report: Report<MessageId>) => void, c: Container, listener: EntrypointListener, certDir: EnvEntry): void {
  const node = certDir.inPlace && certDir.valueNode ? certDir.valueNode : certDir.node;
  report({
    file: c.file,
    range: c.file.rangeOf(node),
    messageId: 'emptyCertDir',
    data: { container: containerLabel(c), address: listener.address, privilegedReach: c.privileged === true ? PRIVILEGED_REACH : '' },
  });
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
