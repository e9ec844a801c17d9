import type { TfFile } from './document';
import type { Declaration } from './fileIndex';
import type { TemplateModule } from './module';
import { moduleTree, ModuleInstance } from './moduleTree';
import type { SyntaxNode } from './parser';
import type { Range } from './text';
import { instanceCount, literalString } from './coderValues';
import { attribute, childBlocks, HclBlock } from './syntax';

/**
 * The Coder resources that Coder's import checks compare across a whole template (its local modules
 * included): agents, apps and the metadata of both.
 */

/** Where a finding about something in the template (or in a module it calls) is shown. */
export interface Anchor {
  file: TfFile;
  range: Range;
}

/** One declaration of a Coder resource, in the template or in a local module it calls. */
export interface TemplateResource {
  declaration: Declaration;
  block: HclBlock;
  /** How many instances the import plan holds: own count times the module's; undefined when unknown. */
  instances: number | undefined;
  /** The module it lives in. */
  owner: ModuleInstance;
  /** Declared in the template's own files (not in a module it calls). */
  own: boolean;
}

/** Every resource (or data source) of a type across the template and its local modules. */
export function acrossModules(root: TemplateModule, kind: 'resource' | 'data', type: string): TemplateResource[] {
  const out: TemplateResource[] = [];
  for (const owner of moduleTree(root)) {
    for (const declaration of kind === 'resource' ? owner.module.resources(type) : owner.module.dataSources(type)) {
      const block = declaration.block;
      if (!block) continue;
      const own = instanceCount(block);
      const instances = own === undefined || owner.instances === undefined ? undefined : own * owner.instances;
      out.push({ declaration, block, instances, owner, own: owner.call === undefined });
    }
  }
  return out;
}

/**
 * Where to show a finding about `node` of a resource: on it in the template, on the name of the module
 * call that leads to it otherwise (a label or a string without its quotes).
 */
export function anchorOf(resource: TemplateResource, node: SyntaxNode): Anchor {
  const call = resource.owner.call;
  const [file, at] = call ? [call.file, call.nameNode] : [resource.declaration.file, node];
  return { file, range: file.rangeOfOffsets(...textOffsets(at)) };
}

/** The address a user reads: `coder_agent.main` or `module.dev.coder_agent.main`. */
export function addressOf(resource: TemplateResource): string {
  const own = resource.declaration.kind === 'data' ? `data.${resource.declaration.name}` : resource.declaration.name;
  return resource.owner.address ? `${resource.owner.address}.${own}` : own;
}

/** The resource's own label (`main` of `coder_agent.main`). */
export function labelOf(resource: TemplateResource): string {
  return resource.declaration.name.slice((resource.declaration.resourceType ?? '').length + 1);
}

/**
 * The later instances that repeat a name Coder keeps unique across the template: a second resource
 * with the same key, or one resource with several instances. Resources whose instances or key are
 * unknown take no part (they may not exist, or may differ).
 */
export function duplicateInstances(
  resources: readonly TemplateResource[],
  keyOf: (resource: TemplateResource) => string | undefined,
): Array<{ resource: TemplateResource; first: TemplateResource }> {
  const seen = new Map<string, TemplateResource>();
  const out: Array<{ resource: TemplateResource; first: TemplateResource }> = [];
  for (const resource of resources) {
    const key = keyOf(resource);
    if (key === undefined || !resource.instances) continue;
    const first = seen.get(key);
    // One address declared twice is Terraform's own error ("Duplicate resource"), not Coder's. A module
    // called twice is one module object with two instances (owners): each call adds its resources again.
    if (first && first.owner === resource.owner && first.declaration.name === resource.declaration.name) continue;
    if (first) out.push({ resource, first });
    else {
      seen.set(key, resource);
      if (resource.instances > 1) out.push({ resource, first: resource });
    }
  }
  return out;
}

/** A `key` of an agent's `metadata` block or of a `coder_metadata` `item` block, when literal. */
export interface MetadataKey {
  key: string;
  node: SyntaxNode;
  block: HclBlock;
}

/**
 * The literal keys of the blocks of one type inside a resource, in order; undefined when one of them
 * cannot be read (a `dynamic` block or a computed key could repeat any of them, or none).
 */
export function literalKeys(block: HclBlock, childType: string): MetadataKey[] | undefined {
  const blocks = childBlocks(block);
  if (blocks.some((d) => d.type === 'dynamic' && d.labels[0] === childType)) return undefined;
  const out: MetadataKey[] = [];
  for (const child of blocks) {
    if (child.type !== childType) continue;
    const keyAttribute = attribute(child, 'key');
    const key = literalString(keyAttribute?.value);
    if (key === undefined || !keyAttribute?.value) return undefined;
    out.push({ key, node: keyAttribute.value, block: child });
  }
  return out;
}

/** The later items of `items` whose key (as `keyOf` gives it) an earlier item already has. */
export function repeats<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Array<{ item: T; first: T }> {
  const seen = new Map<string, T>();
  const out: Array<{ item: T; first: T }> = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item);
    else out.push({ item, first });
  }
  return out;
}

/** The offsets of a label's or string's text, without its quotes. */
export function textOffsets(node: SyntaxNode): [number, number] {
  const quoted = node.type === 'string_lit' || (node.text.startsWith('"') && node.text.endsWith('"') && node.text.length >= 2);
  return quoted ? [node.startIndex + 1, node.endIndex - 1] : [node.startIndex, node.endIndex];
}
