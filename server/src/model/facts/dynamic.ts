import type { TfFile } from '../document';
import { attribute, childBlock, childBlocks, HclBlock, unwrap } from '../syntax';
import type { Binding, Scope, ValueReader } from './reader';
import type { Value } from './values';

/** One block as Terraform will see it: written out, or one instance of a `dynamic` block's `content`. */
export interface BlockInstance {
  /** The block itself, or the `content` block of a dynamic block. */
  block: HclBlock;
  /** What the dynamic block's iterator stands for in this instance (with any outer one). */
  scope?: Scope;
  /** The `dynamic "<type>"` block this instance comes from. */
  dynamic?: HclBlock;
}

export interface BlockInstances {
  instances: BlockInstance[];
  /** A dynamic block whose `for_each` cannot be read, or has no `content`, may add blocks that cannot be seen. */
  open: boolean;
}

/**
 * The `type` blocks inside `parent`, with `dynamic "<type>"` blocks expanded when their `for_each` is a
 * list, set or map the reader can see (a literal, or a local built from literals): one instance per
 * element, its iterator (`<type>`, or the name given by `iterator`) bound to the element's key and value.
 */
export function blockInstances(reader: ValueReader, file: TfFile, parent: HclBlock | undefined, type: string, outer?: Scope): BlockInstances {
  const instances: BlockInstance[] = childBlocks(parent, type).map((block) => ({ block, scope: outer }));
  let open = false;
  for (const dynamic of childBlocks(parent, 'dynamic')) {
    if (dynamic.labels[0] !== type) continue;
    const content = childBlock(dynamic, 'content');
    const forEach = reader.read(attribute(dynamic, 'for_each')?.value, file, outer);
    const bindings = content ? elementsOf(forEach) : undefined;
    if (!content || !bindings) {
      open = true;
      continue;
    }
    if (forEach.kind !== 'unknown' && 'open' in forEach && forEach.open) open = true;
    const name = iteratorName(dynamic);
    for (const binding of bindings) {
      const scope = new Map(outer ?? []);
      scope.set(name, binding);
      instances.push({ block: content, scope, dynamic });
    }
  }
  return { instances, open };
}

/** `iterator = name` (a bare name), else the dynamic block's label. */
function iteratorName(dynamic: HclBlock): string {
  const given = unwrap(attribute(dynamic, 'iterator')?.value);
  return given?.type === 'variable_expr' ? given.text : dynamic.labels[0];
}

/** Key and value of each element: a list's index (a set's element itself) or a map's key. */
function elementsOf(v: Value): Binding[] | undefined {
  if (v.kind === 'list') {
    // Unseen elements of an open list may come first: then the index is not known.
    return v.items.map((item, i): Binding => ({ key: v.set ? item : v.open ? { kind: 'unknown' } : { kind: 'number', value: i }, value: item }));
  }
  if (v.kind === 'object') {
    return [...v.entries].map(([key, value]) => ({ key: { kind: 'string', value: key }, value }));
  }
  return undefined;
}
