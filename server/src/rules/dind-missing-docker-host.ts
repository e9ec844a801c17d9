import { Container, containerHeader, containerLabel, envIsOpaque } from '../model/containers';
import type { TemplateModule } from '../model/module';
import { daemonListeners, imageEntrypointListener, mentionsDockerd } from '../model/facts/daemon';
import { ValueReader, valuesOf } from '../model/facts/reader';
import { attribute, childBlocks, isReferenceName } from '../model/syntax';
import { FixBuilder } from './edits';
import { addEnvEntries } from './fixes/env';
import { defineRule, Fix, MessageData } from './types';

/** What every finding says first; each message id adds what to do when DOCKER_HOST alone cannot be set. */
const MISSING =
  '{{workspace}} sets no DOCKER_HOST although Docker runs in the dind sidecar {{sidecar}}: the docker CLI in the workspace looks for /var/run/docker.sock, which does not exist there, and every docker command fails with "Cannot connect to the Docker daemon".';

const MESSAGES = {
  missingDockerHost: MISSING,
  otherPod: `${MISSING} It runs in another pod: put the sidecar in the workspace pod (or expose it through a Service) and point DOCKER_HOST at it.`,
  noSharedNetwork: `${MISSING} The two containers share no Docker network: attach both to one \`docker_network\` (or share the sidecar's network namespace) and point DOCKER_HOST at the sidecar.`,
  byContainerName: `${MISSING} Point DOCKER_HOST at the sidecar by its container name: \`tcp://<name>:{{port}}\`.`,
  sidecarTls: `${MISSING} The sidecar's daemon serves TLS on \`{{address}}\`: point DOCKER_HOST at it and give the workspace the client certificates (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH).`,
  socketOnly: `${MISSING} The sidecar's daemon listens on no TCP address: share its socket (a volume at /var/run in both containers) or start it with \`-H tcp://…:2375\` and point DOCKER_HOST at it.`,
  dindImageTls: `${MISSING} The docker:dind image serves TLS on port 2376 unless DOCKER_TLS_CERTDIR is empty: point DOCKER_HOST at port 2376 and give the workspace the client certificates (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH).`,
};
type Advice = { id: Exclude<keyof typeof MESSAGES, 'missingDockerHost'>; data?: MessageData };

export const dindMissingDockerHost = defineRule({
  meta: {
    id: 'dind-missing-docker-host',
    defaultSeverity: 'warning',
    description: 'With a dind sidecar, the workspace container needs DOCKER_HOST pointing at the sidecar\'s daemon.',
    fixable: true,
    messages: MESSAGES,
    tags: ['dind', 'docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    const sidecars = facts.containers.filter((c) => c.isDindSidecar);
    if (!sidecars.length) return;
    const reader = valuesOf(module);
    for (const workspace of facts.workspaceContainers) {
      if (workspace.isDindSidecar || hasDockerHost(reader, module, workspace) || mountsDockerSocket(reader, workspace)) continue;
      // Envbox, Podman and Sysbox workspaces run their own engine: a sidecar elsewhere in the module is not theirs.
      if (workspace.isEnvbox || workspace.isPodman || workspace.sysbox !== false) continue;
      const samePod = sidecars.filter((s) => s.platform === 'kubernetes' && s.resource === workspace.resource);
      const candidates = samePod.length ? samePod : sidecars.filter((s) => s.platform === workspace.platform);
      if (!candidates.length) continue;
      const routes = candidates.map((sidecar) => routeTo(reader, workspace, sidecar));
      const route = routes.find((r) => r.host) ?? routes[0];
      const header = containerHeader(workspace);
      report({
        file: workspace.file,
        range: workspace.file.rangeOfOffsets(header.start, header.end),
        messageId: route.host || !route.advice ? 'missingDockerHost' : route.advice.id,
        data: { workspace: containerLabel(workspace, true), sidecar: containerLabel(route.sidecar), ...route.advice?.data },
        fix: route.host ? dockerHostFix(workspace, route.host, route.sidecar) : undefined,
      });
    }
  },
});

interface Route {
  sidecar: Container;
  /** The DOCKER_HOST value that reaches the sidecar's daemon, when there is one without more setup. */
  host?: string;
  /** Otherwise, what the author has to do. */
  advice?: Advice;
}

/**
 * How the workspace reaches the sidecar's daemon. DOCKER_HOST is written with its `tcp://` scheme: the
 * docker CLI also accepts a bare `host:port` (as in the Coder docs), but tools built on the Docker Go SDK's
 * `client.FromEnv` reject it with "unable to parse docker host".
 */
function routeTo(reader: ValueReader, workspace: Container, sidecar: Container): Route {
  const endpoint = tcpEndpoint(reader, sidecar);
  if (!endpoint.port) return { sidecar, advice: endpoint.advice };
  const port = endpoint.port;
  if (workspace.platform === 'kubernetes') {
    return workspace.resource.name === sidecar.resource.name
      ? { sidecar, host: `tcp://localhost:${port}` }
      : { sidecar, advice: { id: 'otherPod' } };
  }
  if (sharesNetworkNamespace(workspace, sidecar)) return { sidecar, host: `tcp://localhost:${port}` };
  if (!sharesNetwork(workspace, sidecar)) {
    return { sidecar, advice: { id: 'noSharedNetwork' } };
  }
  // The host is the sidecar's `name`, by reference: its label goes after a `.`, and a label that is no
  // identifier (`resource "docker_container" "\uFFFDdind"`) cannot be written there.
  const label = sidecar.resource.name.slice((sidecar.resource.resourceType ?? '').length + 1);
  if (!isReferenceName(label)) {
    return { sidecar, advice: { id: 'byContainerName', data: { port } } };
  }
  const index = attribute(sidecar.block, 'count') ? '[0]' : '';
  return { sidecar, host: `tcp://\${${sidecar.resource.name}${index}.name}:${port}` };
}

/** The plain-TCP port the sidecar's daemon listens on, or why DOCKER_HOST alone cannot reach it. */
function tcpEndpoint(reader: ValueReader, sidecar: Container): { port?: string; advice?: Advice } {
  const scripts = sidecar.scripts.map((s) => s.script);
  for (const listener of daemonListeners(scripts, true)) {
    const port = /:(\d+)\/?$/.exec(listener.address)?.[1];
    if (listener.tls) return { advice: { id: 'sidecarTls', data: { address: listener.address } } };
    return { port: port ?? '2375' };
  }
  if (mentionsDockerd(scripts)) {
    return { advice: { id: 'socketOnly' } };
  }
  // The docker:dind image's own entrypoint: plain TCP on 2375 only when DOCKER_TLS_CERTDIR is empty.
  const implied = imageEntrypointListener(reader, sidecar);
  if (implied && implied !== 'unknown' && !implied.tls) return { port: '2375' };
  return { advice: { id: 'dindImageTls' } };
}

/** A workspace that mounts the daemon's socket directory (or the socket) needs no DOCKER_HOST. */
function mountsDockerSocket(reader: ValueReader, c: Container): boolean {
  const kinds: Array<[string, string]> = c.platform === 'kubernetes' ? [['volume_mount', 'mount_path']] : [['volumes', 'container_path'], ['mounts', 'target']];
  return kinds.some(([block, path]) =>
    childBlocks(c.block, block).some((b) => /^\/(var\/)?run(\/docker\.sock)?\/?$/.test(String(reader.string(attribute(b, path)?.value, c.file)))),
  );
}

function sharesNetworkNamespace(a: Container, b: Container): boolean {
  const joins = (x: Container, y: Container) => {
    const mode = attribute(x.block, 'network_mode')?.value?.text ?? '';
    // The label is a string and may hold anything (`"dind("`): escaped, not read as a pattern.
    const target = new RegExp(`\\b${y.resource.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\[0\\])?\\.`);
    return mode.includes('container:') && target.test(mode);
  };
  return joins(a, b) || joins(b, a);
}

function sharesNetwork(a: Container, b: Container): boolean {
  const networks = (c: Container) =>
    new Set(childBlocks(c.block, 'networks_advanced').map((n) => attribute(n, 'name')?.value?.text.replace(/\[0\]/g, '').trim()).filter((t): t is string => !!t));
  const ofB = networks(b);
  return [...networks(a)].some((n) => ofB.has(n));
}

/** DOCKER_HOST in the container's env, its agent's `env`, or a `coder_env` of its agent; or env we cannot see. */
function hasDockerHost(reader: ValueReader, module: TemplateModule, c: Container): boolean {
  if (c.env.some((e) => e.name === 'DOCKER_HOST') || envIsOpaque(c)) return true;
  const agents = new Set(c.agentReferences.map((r) => r.name));
  for (const name of agents) {
    const agent = module.find('resource', name);
    const env = attribute(agent?.block, 'env');
    if (!env) continue;
    const value = reader.read(env.value, agent?.file);
    // An agent env that cannot be read whole may hold it.
    if (value.kind !== 'object' || value.open || value.entries.has('DOCKER_HOST')) return true;
  }
  return module.resources('coder_env').some((r) => {
    const name = reader.string(attribute(r.block, 'name')?.value, r.file);
    if (name !== undefined && name !== 'DOCKER_HOST') return false;
    const agentId = attribute(r.block, 'agent_id')?.value?.text ?? '';
    return [...agents].some((a) => agentId.includes(`${a}.`)) || agents.size === 0;
  });
}

function dockerHostFix(c: Container, host: string, sidecar: Container): Fix | undefined {
  const builder = new FixBuilder(`Add DOCKER_HOST = "${host}"`);
  if (!addEnvEntries(builder, c, [{ name: 'DOCKER_HOST', value: `"${host}"` }])) return undefined;
  // The value refers to an uncounted sidecar, which `sidecar-lifecycle` may count in the same `--fix` pass,
  // leaving this new reference without its [0]. Holding the top of the sidecar's body (where that count
  // goes) makes the two fixes apply in separate passes, so the second sees the first.
  const open = sidecar.block.openBrace;
  const first = sidecar.block.body?.namedChildren[0];
  if (host.includes(sidecar.resource.name) && !attribute(sidecar.block, 'count') && open && first) {
    const firstLine = sidecar.file.lines.starts[sidecar.file.lines.positionAt(first.startIndex).line];
    builder.holdRange(sidecar.file, open.startIndex, firstLine + 1);
  }
  return builder.build();
}
