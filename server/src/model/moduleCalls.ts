/**
 * The `module` blocks of a template: where each one comes from, its version constraint and its inputs,
 * and what is known of its target: Coder's registry index for a registry module, the folder's own
 * `variable` and `output` blocks for a local module. Kept per module snapshot.
 */
import * as path from 'node:path';
import type { TfFile } from './document';
import type { Declaration } from './fileIndex';
import type { TemplateModule } from './module';
import { attribute, attributesIn, HclAttribute, HclBlock, staticValue } from './syntax';
import { registryModuleName, registryModuleOf, RegistryModule } from '../schema';
import { admits, parseConstraint, parseVersion } from '../schema/versionConstraint';

/** Arguments of a `module` block that are Terraform's, not inputs of the module. */
export const MODULE_META_ARGUMENTS: ReadonlySet<string> = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface ModuleCall {
  name: string;
  declaration: Declaration;
  file: TfFile;
  block: HclBlock;
  /** The source when it is a literal. */
  source?: string;
  sourceAttribute?: HclAttribute;
  /** The version constraint when it is a literal. */
  version?: string;
  versionAttribute?: HclAttribute;
  /** Every argument that is not a meta-argument. */
  inputs: HclAttribute[];
  /** The module's name when the source is a registry.coder.com address of the `coder` namespace. */
  registryName?: string;
  /** The index entry of that module, when the index has it. */
  registry?: RegistryModule;
  /**
   * The version constraint admits the newest release the index knows (or there is none, so Terraform takes
   * the newest): the index's inputs and outputs are the module's. Always true for a local module.
   */
  current: boolean;
  /** For `source = "./…"` or `"../…"`: the folder, and its module when it could be read. */
  local?: { dir: string; module?: TemplateModule };
  /** What the call's target takes and gives, when it is known (registry index, or the local folder). */
  target?: ModuleInterface;
}

/** The inputs and outputs of a module, whichever way they are known. */
export interface ModuleInterface {
  kind: 'registry' | 'local';
  /** The registry module's name, or the local folder's path as written. */
  name: string;
  inputs: ReadonlyMap<string, { required: boolean; type?: string; default?: unknown }>;
  outputs: readonly string[];
  /** Where to read more: the registry page, or the folder. */
  url?: string;
}

const cache = new WeakMap<TemplateModule, ModuleCall[]>();

export function moduleCalls(module: TemplateModule): ModuleCall[] {
  let calls = cache.get(module);
  if (!calls) {
    calls = module.declarationsOf('module').flatMap((d) => (d.block ? [readCall(module, d, d.block)] : []));
    cache.set(module, calls);
  }
  return calls;
}

export function moduleCall(module: TemplateModule, name: string): ModuleCall | undefined {
  return moduleCalls(module).find((c) => c.name === name);
}

function readCall(module: TemplateModule, declaration: Declaration, block: HclBlock): ModuleCall {
  const sourceAttribute = attribute(block, 'source');
  const versionAttribute = attribute(block, 'version');
  const source = staticValue(sourceAttribute?.value);
  const version = staticValue(versionAttribute?.value);
  const call: ModuleCall = {
    name: declaration.name,
    declaration,
    file: declaration.file,
    block,
    source: typeof source === 'string' ? source : undefined,
    sourceAttribute,
    version: typeof version === 'string' ? version : undefined,
    versionAttribute,
    inputs: attributesIn(block.body).filter((a) => !MODULE_META_ARGUMENTS.has(a.name)),
    current: false,
  };
  if (call.source !== undefined) {
    call.registryName = registryModuleName(call.source);
    call.registry = registryModuleOf(call.source);
  }
  if (call.registry) {
    call.current = admitsLatest(call.registry, versionAttribute ? call.version : '');
    const r = call.registry;
    call.target = { kind: 'registry', name: r.name, inputs: new Map(Object.entries(r.inputs)), outputs: r.outputs, url: r.url };
  }
  if (call.source !== undefined && /^\.\.?\//.test(call.source) && path.isAbsolute(module.dir)) {
    const dir = path.resolve(module.dir, call.source);
    const child = dir === module.dir ? undefined : module.context.localModule?.(dir);
    call.local = { dir, module: child };
    call.current = true;
    if (child) call.target = { kind: 'local', name: call.source, inputs: localInputs(child), outputs: child.declarationsOf('output').map((d) => d.name), url: dir };
  }
  return call;
}

/** A local module's inputs: its `variable` blocks, required when they have no `default`. */
function localInputs(child: TemplateModule): Map<string, { required: boolean; type?: string; default?: unknown }> {
  const inputs = new Map<string, { required: boolean; type?: string; default?: unknown }>();
  for (const d of child.declarationsOf('variable')) {
    const def = attribute(d.block, 'default');
    const type = attribute(d.block, 'type')?.value;
    inputs.set(d.name, { required: !def, type: type ? d.file.text.slice(type.startIndex, type.endIndex) : undefined, default: def ? staticValue(def.value) : undefined });
  }
  return inputs;
}

/** Whether a constraint (absent: none) admits the newest known release; an unreadable one does not. */
function admitsLatest(module: RegistryModule, constraint: string | undefined): boolean {
  const latest = module.versions[0];
  if (constraint === undefined) return false; // written, but not a literal
  if (!latest) return constraint === '';
  const parsed = parseConstraint(constraint);
  const version = parseVersion(latest)?.version;
  return !!parsed && !!version && admits(parsed, version);
}
