import type { TfFile } from './document';
import type { Declaration, Reference } from './fileIndex';
import type { TemplateModule } from './module';
import type { SyntaxNode } from './parser';
import { scriptOf, ScriptText } from './scripts';
import {
  attribute,
  childBlock,
  childBlocks,
  HclAttribute,
  HclBlock,
  objectEntries,
  staticValue,
  StaticValue,
  templateParts,
  tupleElements,
  unwrap,
} from './syntax';

export const KUBERNETES_POD_TYPES = new Set(['kubernetes_pod', 'kubernetes_pod_v1']);
export const KUBERNETES_DEPLOYMENT_TYPES = new Set(['kubernetes_deployment', 'kubernetes_deployment_v1']);

export interface EnvEntry {
  name: string;
  /** The static value, when known (for `"K=V"` list entries: the text after `=` when static). */
  value?: StaticValue;
  valueNode?: SyntaxNode;
  /** `value_from { … }` of a Kubernetes env block. */
  valueFrom?: HclBlock;
  /** The list element, env block, or map entry. */
  node: SyntaxNode;
}

export type EnvStyle = 'list' | 'blocks' | 'map';

/** A container of a Coder template: a `docker_container`, or a `container` block of a pod or deployment. */
export interface Container {
  platform: 'docker' | 'kubernetes';
  resource: Declaration;
  file: TfFile;
  /** The `docker_container` block itself, or the Kubernetes `container` block. */
  block: HclBlock;
  /** Kubernetes: the pod spec (the resource's `spec`, or `spec.template.spec` for a deployment). */
  podSpec?: HclBlock;
  /** Kubernetes: the pod metadata (where the pod's annotations live). */
  podMetadata?: HclBlock;
  /** Kubernetes: the block whose `metadata` holds pod annotations (resource, or `spec.template`). */
  podMetadataParent?: HclBlock;
  name?: string;
  image?: string;
  imageNode?: SyntaxNode;
  env: EnvEntry[];
  envStyle: EnvStyle;
  /** docker `env` attribute, when the env is a list. */
  envAttribute?: HclAttribute;
  privileged: boolean;
  privilegedAttribute?: HclAttribute;
  securityContext?: HclBlock;
  sysbox: boolean;
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
    const agents = module.resources('coder_agent').map(toAgent);
    const containers: Container[] = [];
    for (const declaration of module.resources()) {
      const type = declaration.resourceType ?? '';
      if (type === 'docker_container') containers.push(dockerContainer(declaration));
      else if (KUBERNETES_POD_TYPES.has(type) || KUBERNETES_DEPLOYMENT_TYPES.has(type)) containers.push(...kubernetesContainers(declaration));
    }
    const hasWorkspace = containers.some((c) => c.isWorkspace);
    for (const c of containers) {
      c.isDindSidecar = !c.isWorkspace && isDindCandidate(c) && (c.privileged || hasWorkspace);
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

function stringOf(node: SyntaxNode | undefined): string | undefined {
  const v = staticValue(node);
  if (typeof v === 'string') return v;
  // An image such as "ghcr.io/coder/envbox:${var.tag}" still tells what it is by its static prefix.
  const n = unwrap(node);
  if (n && (n.type === 'template_expr' || n.type === 'string_lit')) {
    const parts = templateParts(n);
    return parts.map((p) => (p.kind === 'text' ? p.text : '${…}')).join('');
  }
  return undefined;
}

function dockerEnv(block: HclBlock): { env: EnvEntry[]; style: EnvStyle; attribute?: HclAttribute } {
  const envAttribute = attribute(block, 'env');
  const env: EnvEntry[] = [];
  const elements = tupleElements(envAttribute?.value);
  for (const element of elements ?? []) {
    const n = unwrap(element);
    if (!n) continue;
    const parts = n.type === 'template_expr' || n.type === 'string_lit' ? templateParts(n) : [];
    const first = parts[0];
    if (!first || first.kind !== 'text') continue;
    const eq = first.text.indexOf('=');
    if (eq < 0) continue;
    const name = first.text.slice(0, eq);
    const rest = parts.slice(1);
    const value = rest.every((p) => p.kind === 'text') ? first.text.slice(eq + 1) + rest.map((p) => p.text).join('') : undefined;
    env.push({ name, value, valueNode: element, node: element });
  }
  return { env, style: 'list', attribute: envAttribute };
}

function kubernetesEnv(container: HclBlock): EnvEntry[] {
  const env: EnvEntry[] = [];
  for (const block of childBlocks(container, 'env')) {
    const name = staticValue(attribute(block, 'name')?.value);
    if (typeof name !== 'string') continue;
    const valueAttribute = attribute(block, 'value');
    env.push({
      name,
      value: valueAttribute?.value ? staticValue(valueAttribute.value) : undefined,
      valueNode: valueAttribute?.value,
      valueFrom: childBlock(block, 'value_from'),
      node: block.node,
    });
  }
  return env;
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

function isTrue(node: SyntaxNode | undefined): boolean {
  return staticValue(node) === true;
}

function imageKinds(image: string | undefined) {
  const i = (image ?? '').toLowerCase();
  return { isEnvbox: i.startsWith('ghcr.io/coder/envbox'), isPodman: i.includes('podman') };
}

function dockerContainer(declaration: Declaration): Container {
  const block = declaration.block as HclBlock;
  const imageAttribute = attribute(block, 'image');
  const image = stringOf(imageAttribute?.value);
  const { env, style, attribute: envAttribute } = dockerEnv(block);
  const privilegedAttribute = attribute(block, 'privileged');
  const runtime = attribute(block, 'runtime');
  const agentReferences = referencesWithin(declaration, block.node);
  const agentName = agentNameOf(agentReferences, env);
  const name = staticValue(attribute(block, 'name')?.value);
  return {
    platform: 'docker',
    resource: declaration,
    file: declaration.file,
    block,
    name: typeof name === 'string' ? name : undefined,
    image,
    imageNode: imageAttribute?.value,
    env,
    envStyle: style,
    envAttribute,
    privileged: isTrue(privilegedAttribute?.value),
    privilegedAttribute,
    sysbox: staticValue(runtime?.value) === 'sysbox-runc',
    sysboxAttribute: staticValue(runtime?.value) === 'sysbox-runc' ? runtime : undefined,
    scripts: scriptsOf(block, ['entrypoint', 'command']),
    agentName,
    agentReferences,
    isWorkspace: agentReferences.some((r) => r.traversal.steps[1]?.name === 'init_script') || env.some((e) => e.name === 'CODER_AGENT_TOKEN'),
    ...imageKinds(image),
    isDindSidecar: false,
  };
}

function kubernetesContainers(declaration: Declaration): Container[] {
  const resource = declaration.block as HclBlock;
  const isDeployment = KUBERNETES_DEPLOYMENT_TYPES.has(declaration.resourceType ?? '');
  const spec = childBlock(resource, 'spec');
  const template = isDeployment ? childBlock(spec, 'template') : undefined;
  const podSpec = isDeployment ? childBlock(template, 'spec') : spec;
  const podMetadataParent = isDeployment ? template : resource;
  const podMetadata = childBlock(podMetadataParent, 'metadata');
  const runtimeClass = attribute(podSpec, 'runtime_class_name');
  const sysbox = staticValue(runtimeClass?.value) === 'sysbox-runc';
  return childBlocks(podSpec, 'container').map((block) => {
    const imageAttribute = attribute(block, 'image');
    const image = stringOf(imageAttribute?.value);
    const env = kubernetesEnv(block);
    const securityContext = childBlock(block, 'security_context');
    const privilegedAttribute = attribute(securityContext, 'privileged');
    const agentReferences = referencesWithin(declaration, block.node);
    const name = staticValue(attribute(block, 'name')?.value);
    return {
      platform: 'kubernetes' as const,
      resource: declaration,
      file: declaration.file,
      block,
      podSpec,
      podMetadata,
      podMetadataParent,
      name: typeof name === 'string' ? name : undefined,
      image,
      imageNode: imageAttribute?.value,
      env,
      envStyle: 'blocks' as const,
      privileged: isTrue(privilegedAttribute?.value),
      privilegedAttribute,
      securityContext,
      sysbox,
      sysboxAttribute: sysbox ? runtimeClass : undefined,
      scripts: scriptsOf(block, ['command', 'args']),
      agentName: agentNameOf(agentReferences, env),
      agentReferences,
      isWorkspace:
        agentReferences.some((r) => r.traversal.steps[1]?.name === 'init_script') || env.some((e) => e.name === 'CODER_AGENT_TOKEN'),
      ...imageKinds(image),
      isDindSidecar: false,
    };
  });
}

const DOCKERD = /\bdockerd\b/;

function isDindCandidate(c: Container): boolean {
  const image = (c.image ?? '').toLowerCase();
  const dindImage = image.startsWith('docker:') && image.includes('dind');
  return dindImage || c.scripts.some((s) => DOCKERD.test(s.script.text));
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
 * `"NAME=…"` strings; a Kubernetes `env` block whose name is not static, an `env_from` or a `dynamic "env"`.
 */
export function envIsOpaque(c: Container): boolean {
  if (c.platform === 'docker') {
    if (!c.envAttribute) return false;
    const elements = tupleElements(c.envAttribute.value);
    return !elements || elements.length !== c.env.length;
  }
  return (
    childBlocks(c.block, 'env').length !== c.env.length ||
    childBlocks(c.block, 'env_from').length > 0 ||
    childBlocks(c.block, 'dynamic').some((d) => d.labels[0] === 'env')
  );
}
