/** Small constructors that keep the schema data modules terse. */
import type { AttributeSchema, BlockSchema, ValueType } from './types';

type AttributeExtras = Omit<AttributeSchema, 'name' | 'type' | 'description'>;
type BlockExtras = Omit<BlockSchema, 'name' | 'description' | 'attributes' | 'blocks'>;

/** A required attribute. */
export function req(name: string, type: ValueType, description: string, extras: AttributeExtras = {}): AttributeSchema {
  return { name, type, description, required: true, ...extras };
}

/** An optional attribute. */
export function opt(name: string, type: ValueType, description: string, extras: AttributeExtras = {}): AttributeSchema {
  return { name, type, description, optional: true, ...extras };
}

/** A read-only (computed) attribute. */
export function ro(name: string, type: ValueType, description: string, extras: AttributeExtras = {}): AttributeSchema {
  return { name, type, description, computed: true, ...extras };
}

export function block(
  name: string,
  description: string,
  attributes: readonly AttributeSchema[],
  blocks: readonly BlockSchema[] = [],
  extras: BlockExtras = {},
): BlockSchema {
  return { name, description, attributes, blocks, ...extras };
}

/** The same block definition under another name (e.g. `init_container` reusing `container`). */
export function renamed(source: BlockSchema, name: string, description: string, extras: BlockExtras = {}): BlockSchema {
  return { ...source, name, description, ...extras };
}

/**
 * Fills `docsUrl` on the block, its attributes and nested blocks where it is missing. Blocks shared
 * between resources keep the first URL they get, so call it on the preferred (newest) resource first.
 */
export function fillDocsUrl(target: BlockSchema, url: string, seen: Set<BlockSchema> = new Set()): void {
  if (seen.has(target)) return;
  seen.add(target);
  const mutable = target as { docsUrl?: string };
  mutable.docsUrl ??= url;
  for (const attribute of target.attributes) (attribute as { docsUrl?: string }).docsUrl ??= url;
  for (const nested of target.blocks) fillDocsUrl(nested, url, seen);
}
