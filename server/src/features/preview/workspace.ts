import type { PreviewAgent, PreviewApp, PreviewCompute, PreviewMethod, PreviewModule, PreviewScript } from '../../../../shared/src/preview';
import { literal } from '../../model/coderValues';
import { Agent, Container, templateFacts } from '../../model/containers';
import type { Declaration } from '../../model/fileIndex';
import { detectMethod } from '../../model/method';
import type { TemplateModule } from '../../model/module';
import { moduleCalls, ModuleCall } from '../../model/moduleCalls';
import { attribute, childBlocks, HclAttribute } from '../../model/syntax';
import { methodById } from '../../model/methodCatalog';
import { boolArg, integerArg, locationOf, stringArg, tristate, unknown, UriOf } from './values';

/** The agent a resource or module call attaches to: its `agent_id` is one `coder_agent.<name>…` reference. */
function agentOf(declaration: Declaration, agentId: HclAttribute | undefined): string | undefined {
  const value = agentId?.value;
  if (!value) return undefined;
  const refs = declaration.file.index.references.filter((r) => r.start >= value.startIndex && r.end <= value.endIndex);
  const agent = refs.length === 1 && refs[0].kind === 'resource' && refs[0].resourceType === 'coder_agent' ? refs[0] : undefined;
  return agent?.name.slice('coder_agent.'.length);
}

/**
 * A registry module creates apps when the registry index lists `coder_app` among its resources (the
 * index is built from each module's own `main.tf`). A local or unindexed module is not guessed at.
 */
function createsApps(call: ModuleCall): boolean {
  return !!call.registry?.resources.includes('coder_app');
}

export function previewAgents(module: TemplateModule, uriOf: UriOf): PreviewAgent[] {
  const apps = module.resources('coder_app').map((d) => ({ agent: agentOf(d, attribute(d.block, 'agent_id')), app: coderApp(d, uriOf) }));
  const modules = moduleCalls(module)
    .filter(createsApps)
    .map((call) => ({ agent: agentOf(call.declaration, attribute(call.block, 'agent_id')), app: moduleApp(call, uriOf) }));
  const scripts = module.resources('coder_script').map((d) => ({ agent: agentOf(d, attribute(d.block, 'agent_id')), script: coderScript(d, uriOf) }));
  return templateFacts(module).agents.map((agent) => ({
    name: agent.name,
    os: stringArg(agent.block, 'os'),
    arch: stringArg(agent.block, 'arch'),
    apps: [...apps, ...modules].filter((a) => a.agent === agent.name).map((a) => a.app),
    scripts: [...startupScript(agent, uriOf), ...scripts.filter((s) => s.agent === agent.name).map((s) => s.script)],
    metadata: childBlocks(agent.block, 'metadata').map((m) => ({
      key: stringArg(m, 'key'),
      displayName: stringArg(m, 'display_name'),
      interval: integerArg(m, 'interval'),
    })),
    location: locationOf(agent.declaration.file, agent.declaration.node, uriOf),
  }));
}

function coderApp(d: Declaration, uriOf: UriOf): PreviewApp {
  return {
    kind: 'coder_app',
    address: d.name,
    slug: stringArg(d.block, 'slug'),
    displayName: stringArg(d.block, 'display_name'),
    icon: stringArg(d.block, 'icon'),
    external: boolArg(d.block, 'external'),
    location: locationOf(d.file, d.node, uriOf),
  };
}

function moduleApp(call: ModuleCall, uriOf: UriOf): PreviewApp {
  return {
    kind: 'module',
    address: `module.${call.name}`,
    slug: stringArg(call.block, 'slug'),
    displayName: stringArg(call.block, 'display_name') ?? { known: true, value: call.registry?.display_name ?? call.name },
    icon: stringArg(call.block, 'icon'),
    external: null,
    location: locationOf(call.file, call.declaration.node, uriOf),
  };
}

function startupScript(agent: Agent, uriOf: UriOf): PreviewScript[] {
  const attr = agent.startupScriptAttribute;
  if (!attr) return [];
  return [{ kind: 'startup_script', displayName: { known: true, value: 'Startup script' }, runOn: ['start'], location: locationOf(agent.declaration.file, attr.node, uriOf) }];
}

function coderScript(d: Declaration, uriOf: UriOf): PreviewScript {
  const when = (name: string) => literal(attribute(d.block, name)?.value);
  const runOn = [when('run_on_start') === true ? 'start' : '', when('run_on_stop') === true ? 'stop' : '', typeof when('cron') === 'string' ? 'cron' : ''];
  return { kind: 'coder_script', displayName: stringArg(d.block, 'display_name'), runOn: runOn.filter(Boolean), location: locationOf(d.file, d.node, uriOf) };
}

/** The method detected on the template, with what it needs on the nodes. */
export function previewMethod(module: TemplateModule): PreviewMethod | null {
  const detected = detectMethod(module);
  const info = detected && methodById(detected.id);
  return info ? { id: info.id, title: info.title, requirements: [...info.requirements], docsUrl: info.docsUrl } : null;
}

export function previewCompute(module: TemplateModule, uriOf: UriOf): PreviewCompute[] {
  const detected = detectMethod(module);
  const method = previewMethod(module);
  return templateFacts(module).containers.map((c: Container) => ({
    address: c.resource.name,
    platform: c.platform,
    container: c.platform === 'kubernetes' ? c.name ?? null : null,
    image: c.image !== undefined ? { known: true, value: c.image } : c.imageNode ? unknown(c.imageNode) : null,
    role: c.isWorkspace ? 'workspace' : c.isDindSidecar ? 'dind-sidecar' : 'other',
    agent: c.agentName ?? null,
    method: detected?.container === c ? method : null,
    privileged: tristate(c.privileged, c.privilegedAttribute?.value),
    sysbox: tristate(c.sysbox, c.sysboxAttribute?.value),
    location: locationOf(c.file, c.platform === 'docker' ? c.resource.node : c.block.node, uriOf),
  }));
}

export function previewModules(module: TemplateModule, uriOf: UriOf): PreviewModule[] {
  return moduleCalls(module).map((call) => ({
    name: call.name,
    source: stringArg(call.block, 'source'),
    version: stringArg(call.block, 'version'),
    title: call.registry?.display_name ?? null,
    createsApps: createsApps(call),
    inputs: call.inputs.map((input) => {
      const value = literal(input.value);
      return { name: input.name, value: value !== undefined ? { known: true, value } : input.value ? unknown(input.value) : { known: false, text: '' } };
    }),
    location: locationOf(call.file, call.declaration.node, uriOf),
  }));
}
