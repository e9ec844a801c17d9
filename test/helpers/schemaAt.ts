/** Shortcuts into the bundled schemas for tests: the newest releases, as a module without constraints sees them. */
import { AttributeSchema, BlockSchema, lookup, NestedBlockSchema, SchemaKind, SchemaSet } from '../../server/src/schema';

export const NEWEST = new SchemaSet();

/** The body at `path` (nested block names; a `dynamic` label counts as its block) of a type. */
export function bodyAt(kind: SchemaKind, type: string, path: readonly string[], set = NEWEST): BlockSchema | undefined {
  return lookup(set, [{ type: kind, labels: [type, 'x'] }, ...path.map((p) => ({ type: p, labels: [] }))])?.body;
}

export function attributeAt(kind: SchemaKind, type: string, path: readonly string[], name: string, set = NEWEST): AttributeSchema | undefined {
  return bodyAt(kind, type, path, set)?.attributes.get(name);
}

export function blockAt(kind: SchemaKind, type: string, path: readonly string[], name: string, set = NEWEST): NestedBlockSchema | undefined {
  return bodyAt(kind, type, path, set)?.blocks.get(name);
}

/** A block as plain, sorted JSON: what the golden files hold. */
export function expand(body: BlockSchema): unknown {
  const attributes = Object.fromEntries(
    [...body.attributes.values()].sort((a, b) => a.name.localeCompare(b.name)).map((a) => {
      const { name: _name, ...rest } = a;
      return [a.name, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== false))];
    }),
  );
  const blocks = Object.fromEntries(
    [...body.blocks.values()].sort((a, b) => a.name.localeCompare(b.name)).map((b) => [b.name, { nesting: b.nesting, minItems: b.minItems, maxItems: b.maxItems, deprecated: b.deprecated || undefined, block: expand(b.block) }]),
  );
  return { attributes, blocks };
}
