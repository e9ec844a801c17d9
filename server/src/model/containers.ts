import type { TfFile } from './document';
import type { Declaration, Reference } from './fileIndex';
import type { TemplateModule } from './module';
import type { SyntaxNode } from './parser';
import { scriptOf, ScriptText } from './scripts';
import { attribute, childBlock, childBlocks, HclAttribute, HclBlock, objectEntries, templateParts, unwrap } from './syntax';
import { isDindImage, startsDaemon } from './facts/daemonStart';
import { ContainerEnv, dockerEnv, EnvEntry, kubernetesEnv } from './facts/env';
import { ValueReader, valuesOf } from './facts/reader';
import { isKubernetesWorkload, podTemplate } from './facts/workloads';

export type { EnvEntry } from './facts/env';

export type EnvStyle = 'list' | 'blocks' | 'map';

/** A container of a Coder template: a `docker_container`, or a `container` block of a Kubernetes workload's pod template. */
export interface Container {
  platform: 'docker' | 'kubernetes';
  resource: Declaration;
  file: TfFile;
  /** The `docker_container` block itself, or the Kubernetes `container` block. */
  block: HclBlock;
  /** Kubernetes: the pod spec (`spec` of a pod, `spec.template.spec` of a deployment, stateful set…). */
  podSpec?: HclBlock;
  /** Kubernetes: the pod metadata (where the pod's annotations live). */
  podMetadata?: HclBlock;
  /** Kubernetes: the block whose `metadata` holds pod annotations (resource, or the pod `template`). */
  podMetadataParent?: HclBlock;
  /** Kubernetes: where the pod's annotations are written, e.g. `spec.template.metadata.annotations`. */
  annotationsPath?: string;
  name?: string;
  image?: string;
  imageNode?: SyntaxNode;
  env: EnvEntry[];
  envStyle: EnvStyle;
  /** The env may hold entries that cannot be seen (see `ContainerEnv.open`). */
  envOpen: boolean;
  /** docker `env` attribute. */
  envAttribute?: HclAttribute;
  /**
   * Known true, known false, or undefined when the template does not say (`privileged = var.x`, a dynamic
   * `security_context`). `"true"` is true, as Terraform converts it. Test `=== false` for "not privileged".
   */
  privileged: boolean | undefined;
  privilegedAttribute?: HclAttribute;
  securityContext?: HclBlock;
  /** Under the Sysbox runtime: known true, known false, or undefined (`runtime = var.runtime`). */
  sysbox: boolean | undefined;
  /** The `runtime` or `runtime_class_name` attribute that selects sysbox. */
  sysboxAttribute?: HclAttribute;
  /** command, entrypoint and args as scripts, with the attribute they come from. */
  scripts: Array<{ attribute: HclAttribute; script: ScriptText }>;
  /** The agent whose `init_script` this container runs (directly or through env). */
  agentName?: string;
  /** Agent references (`coder_agent.X.…`) inside the container. */
  agentReferences: Reference[];
  isWorkspace: boolean;
  isEnvbox: boolean;
  isPodman: boolean;
  isDindSidecar: boolean;
}

export interface Agent {
  declaration: Declaration;
  name: string;
  block: HclBlock;
  startupScript?: ScriptText;
  startupScriptAttribute?: HclAttribute;
}

export interface TemplateFacts {
  containers: Container[];
  agents: Agent[];
  workspaceContainers: Container[];
}

const facts = new WeakMap<TemplateModule, TemplateFacts>();

/** The containers and agents of a template, computed once per module snapshot. */
export function templateFacts(module: TemplateModule): TemplateFacts {
  let f = facts.get(module);
  if (!f) {
    const reader = valuesOf(module);
    const agents = module.resources('coder_agent').map(toAgent);
    const containers: Container[] = [];
    for (const declaration of module.resources()) {
      const type = declaration.resourceType ?? '';
      if (type === 'docker_container') containers.push(dockerContainer(reader, declaration));
      else if (isKubernetesWorkload(type)) containers.push(...kubernetesContainers(reader, declaration));
    }
    const hasWorkspace = containers.some((c) => c.isWorkspace);
    for (const c of containers) {
      c.isDindSidecar = !c.isWorkspace && isDindCandidate(c) && (c.privileged === true || hasWorkspace);
    }
    f = { containers, agents, workspaceContainers: containers.filter((c) => c.isWorkspace) };
    facts.set(module, f);
  }
  return f;
}

function toAgent(declaration: Declaration): Agent {
  const block = declaration.block as HclBlock;
  const startup = attribute(block, 'startup_script');
  return {
    declaration,
    name: declaration.name.slice('coder_agent.'.length),
    block,
    startupScript: startup?.value ? scriptOf(startup.value) : undefined,
    startupScriptAttribute: startup,
  };
}

function referencesWithin(declaration: Declaration, node: SyntaxNode): Reference[] {
  return declaration.file.index.references.filter(
    (r) => r.kind === 'resource' && r.resourceType === 'coder_agent' && r.start >= node.startIndex && r.end <= node.endIndex,
  );
}

function stringOf(reader: ValueReader, file: TfFile, node: SyntaxNode | undefined): string | undefined {
  const v = reader.string(node, file);
  if (v !== undefined) return v;
  // An image such as "ghcr.io/coder/envbox:${var.tag}" still tells what it is by its static prefix.
  const n = unwrap(node);
  if (n && (n.type === 'template_expr' || n.type === 'string_lit')) {
    const parts = templateParts(n);
    return parts.map((p) => (p.kind === 'text' ? p.text : '${…}')).join('');
  }
  return undefined;
}

function scriptsOf(block: HclBlock, names: string[]): Container['scripts'] {
  const out: Container['scripts'] = [];
  for (const name of names) {
    const a = attribute(block, name);
    if (a?.value) out.push({ attribute: a, script: scriptOf(a.value) });
  }
  return out;
}

function agentNameOf(references: Reference[], env: EnvEntry[]): string | undefined {
  const init = references.find((r) => r.traversal.steps[1]?.name === 'init_script');
  if (init) return init.name.slice('coder_agent.'.length);
  const token = references.find((r) => r.traversal.steps[1]?.name === 'token');
  if (token && env.length) return token.name.slice('coder_agent.'.length);
  return undefined;
}

function imageKinds(image: string | undefined) {
  const i = (image ?? '').toLowerCase();
  return { isEnvbox: i.startsWith('ghcr.io/coder/envbox'), isPodman: i.includes('podman') };
}

/** Sysbox when the runtime attribute reads `sysbox-runc`; not when it is absent or reads another runtime. */
function sysboxOf(reader: ValueReader, file: TfFile, runtime: HclAttribute | undefined): boolean | undefined {
  if (!runtime) return false;
  const name = reader.string(runtime.value, file);
  return name === undefined ? undefined : name === 'sysbox-runc';
}

/** What every container shares: name, image, env, agent references and the kinds they make it. */
function common(reader: ValueReader, declaration: Declaration, block: HclBlock, env: ContainerEnv) {
  const file = declaration.file;
  const imageAttribute = attribute(block, 'image');
  const image = stringOf(reader, file, imageAttribute?.value);
  const agentReferences = referencesWithin(declaration, block.node);
  const kinds = imageKinds(image);
  return {
    resource: declaration,
    file,
    block,
    name: reader.string(attribute(block, 'name')?.value, file),
    image,
    imageNode: imageAttribute?.value,
    env: env.entries,
    envOpen: env.open,
    agentName: agentNameOf(agentReferences, env.entries),
    agentReferences,
    // Envbox's outer container is the workspace whether or not its env is complete yet.
    isWorkspace: agentReferences.some((r) => r.traversal.steps[1]?.name === 'init_script') || env.entries.some((e) => e.name === 'CODER_AGENT_TOKEN') || kinds.isEnvbox,
    ...kinds,
    isDindSidecar: false,
  };
}

function dockerContainer(reader: ValueReader, declaration: Declaration): Container {
  const block = declaration.block as HclBlock;
  const file = declaration.file;
  const env = dockerEnv(reader, file, block);
  const privilegedAttribute = attribute(block, 'privileged');
  const runtime = attribute(block, 'runtime');
  const sysbox = sysboxOf(reader, file, runtime);
  return {
    platform: 'docker',
    ...common(reader, declaration, block, env),
    envStyle: 'list',
    envAttribute: env.attribute,
    privileged: privilegedAttribute ? reader.bool(privilegedAttribute.value, file) : false,
    privilegedAttribute,
    sysbox,
    sysboxAttribute: sysbox ? runtime : undefined,
    scripts: scriptsOf(block, ['entrypoint', 'command']),
  };
}

function kubernetesContainers(reader: ValueReader, declaration: Declaration): Container[] {
  const resource = declaration.block as HclBlock;
  const file = declaration.file;
  const pod = podTemplate(declaration.resourceType ?? '', resource);
  const runtimeClass = attribute(pod.podSpec, 'runtime_class_name');
  const sysbox = sysboxOf(reader, file, runtimeClass);
  return childBlocks(pod.podSpec, 'container').map((block): Container => {
    const securityContext = childBlock(block, 'security_context');
    const privilegedAttribute = attribute(securityContext, 'privileged');
    // A `dynamic "security_context"` may set privileged: then it is not known.
    const dynamicContext = childBlocks(block, 'dynamic').some((d) => d.labels[0] === 'security_context');
    return {
      platform: 'kubernetes',
      ...common(reader, declaration, block, kubernetesEnv(reader, file, block)),
      ...pod,
      envStyle: 'blocks',
      privileged: privilegedAttribute ? reader.bool(privilegedAttribute.value, file) : dynamicContext ? undefined : false,
      privilegedAttribute,
      securityContext,
      sysbox,
      sysboxAttribute: sysbox ? runtimeClass : undefined,
      scripts: scriptsOf(block, ['command', 'args']),
    };
  });
}

function isDindCandidate(c: Container): boolean {
  return isDindImage(c.image) || startsDaemon(c.scripts.map((s) => s.script));
}

/** Static annotations of a pod's metadata, with their nodes. */
export function podAnnotations(c: Container) {
  const a = attribute(c.podMetadata, 'annotations');
  return { attribute: a, entries: objectEntries(a?.value) ?? [] };
}

/** The `limits` map of a Kubernetes container's `resources` block. */
export function resourceLimits(c: Container) {
  const resources = childBlock(c.block, 'resources');
  const limits = attribute(resources, 'limits');
  return { resources, attribute: limits, entries: objectEntries(limits?.value) ?? [] };
}

export function envValueText(file: TfFile, entry: EnvEntry): string | undefined {
  return entry.valueNode ? file.text.slice(entry.valueNode.startIndex, entry.valueNode.endIndex) : undefined;
}

/**
 * Offsets of the text that names a container in findings: `resource "docker_container" "x"` for docker,
 * the `container` keyword of a Kubernetes container block.
 */
export function containerHeader(c: Container): { start: number; end: number } {
  if (c.platform === 'kubernetes') return { start: c.block.typeNode.startIndex, end: c.block.typeNode.endIndex };
  const header = c.block.labelNodes[1] ?? c.block.typeNode;
  return { start: c.block.node.startIndex, end: header.endIndex };
}

/**
 * How a finding names a container: `docker_container.x`, or container `dev` of `kubernetes_pod.main`;
 * `sentenceStart` capitalises it for the start of a message.
 */
export function containerLabel(c: Container, sentenceStart = false): string {
  if (c.platform === 'docker') return `\`${c.resource.name}\``;
  const label = c.name ? `container \`${c.name}\` of \`${c.resource.name}\`` : `a container of \`${c.resource.name}\``;
  return sentenceStart ? label[0].toUpperCase() + label.slice(1) : label;
}

/**
 * Whether a container may get env entries the model cannot see: a docker `env` that is not a list of
 * `"NAME=…"` strings it can read; a Kubernetes `env` block whose name cannot be read, an `env_from`, or a
 * `dynamic "env"` whose `for_each` cannot be read.
 */
export function envIsOpaque(c: Container): boolean {
  return c.envOpen;
}
