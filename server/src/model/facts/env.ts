import type { TfFile } from '../document';
import type { SyntaxNode } from '../parser';
import { attribute, childBlock, childBlocks, HclAttribute, HclBlock, StaticValue, templateParts } from '../syntax';
import { blockInstances } from './dynamic';
import type { Scope, ValueReader } from './reader';
import { toStatic, Value } from './values';

export interface EnvEntry {
  name: string;
  /** The value, when it is known (for `"K=V"` list entries: the text after `=`). */
  value?: StaticValue;
  /** The expression that gives the value, read with `scope` (it is in the container's file when `inPlace`). */
  valueNode?: SyntaxNode;
  /** The iterator of the `dynamic "env"` block the entry comes from. */
  scope?: Scope;
  /** `value_from { … }` of a Kubernetes env block. */
  valueFrom?: HclBlock;
  /** Where the entry is written in the container's file: the list element, env block, dynamic block or env attribute. */
  node: SyntaxNode;
  /** The entry is written out in the container itself (an element of its `env` list, or an `env` block): a fix may edit it. */
  inPlace: boolean;
}

export interface ContainerEnv {
  entries: EnvEntry[];
  /** Entries may exist that cannot be seen (a variable, a `for` expression, a dynamic block over a variable, `env_from`). */
  open: boolean;
}

function within(node: SyntaxNode | undefined, outer: SyntaxNode): boolean {
  return !!node && node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

/**
 * A docker_container's `env`: a set of `"NAME=value"` strings, read through `concat`, `tolist`/`toset`
 * and locals. An element whose name is not known makes the list open.
 */
export function dockerEnv(reader: ValueReader, file: TfFile, block: HclBlock): ContainerEnv & { attribute?: HclAttribute } {
  const envAttribute = attribute(block, 'env');
  if (!envAttribute?.value) return { entries: [], open: false, attribute: envAttribute };
  const list = reader.read(envAttribute.value, file);
  if (list.kind !== 'list') return { entries: [], open: true, attribute: envAttribute };
  const entries: EnvEntry[] = [];
  let open = list.open;
  for (const item of list.items) {
    const entry = dockerEnvEntry(item, file, block, envAttribute);
    if (entry) entries.push(entry);
    else open = true;
  }
  return { entries, open, attribute: envAttribute };
}

function dockerEnvEntry(item: Value, file: TfFile, block: HclBlock, envAttribute: HclAttribute): EnvEntry | undefined {
  const inPlace = item.file === file && within(item.node, block.node);
  const node = inPlace && item.node ? item.node : (envAttribute.value as SyntaxNode);
  if (item.kind === 'string') {
    const eq = item.value.indexOf('=');
    if (eq <= 0) return undefined;
    return { name: item.value.slice(0, eq), value: item.value.slice(eq + 1), valueNode: item.node, node, inPlace };
  }
  // "NAME=${…}": the name is the text before `=`, the value cannot be known.
  const n = item.node;
  if (!n || (n.type !== 'template_expr' && n.type !== 'string_lit')) return undefined;
  const first = templateParts(n)[0];
  const eq = first?.kind === 'text' ? first.text.indexOf('=') : -1;
  if (eq <= 0) return undefined;
  return { name: first.text.slice(0, eq), valueNode: n, node, inPlace };
}

/**
 * A Kubernetes container's `env` blocks, with `dynamic "env"` blocks expanded when their `for_each` can
 * be read (see `blockInstances`). An entry whose name cannot be read, or an `env_from`, makes it open.
 */
export function kubernetesEnv(reader: ValueReader, file: TfFile, container: HclBlock): ContainerEnv {
  const { instances, open: dynamicOpen } = blockInstances(reader, file, container, 'env');
  const entries: EnvEntry[] = [];
  let open = dynamicOpen || childBlocks(container, 'env_from').length > 0;
  for (const { block, scope, dynamic } of instances) {
    const name = reader.string(attribute(block, 'name')?.value, file, scope);
    if (name === undefined) {
      open = true;
      continue;
    }
    const valueAttribute = attribute(block, 'value');
    const value = valueAttribute?.value ? toStatic(reader.read(valueAttribute.value, file, scope)) : undefined;
    entries.push({
      name,
      value,
      valueNode: valueAttribute?.value,
      scope,
      valueFrom: childBlock(block, 'value_from'),
      node: (dynamic ?? block).node,
      inPlace: !dynamic,
    });
  }
  return { entries, open };
}
