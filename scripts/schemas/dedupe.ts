/**
 * Stores each large nested block that occurs more than once (a pod spec appears in pods, deployments,
 * stateful sets, jobs… of both names) once, under `blocks`, and refers to it as `{ "$ref": "<key>" }`.
 * Keys follow the order of first occurrence over the sorted types, so the output is stable.
 */
import type { BlockRef, NestedBlock, ProviderSchemaFile, SchemaBlock } from '../../server/src/schema/format';

/** Blocks whose JSON is shorter than this stay inline: a reference would save little. */
const MIN_SHARED_LENGTH = 400;

export function share(file: ProviderSchemaFile): ProviderSchemaFile {
  const text = new Map<SchemaBlock, string>();
  const canonical = (block: SchemaBlock): string => {
    let t = text.get(block);
    if (t === undefined) {
      t = JSON.stringify(sortBlock(block, canonical));
      text.set(block, t);
    }
    return t;
  };
  const counts = new Map<string, number>();
  const count = (block: SchemaBlock) => {
    const t = canonical(block);
    counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const nested of Object.values(block.block_types ?? {})) count(nested.block as SchemaBlock);
  };
  const roots = [file.provider_config as SchemaBlock, ...Object.values(file.resource_schemas).map((t) => t.block as SchemaBlock), ...Object.values(file.data_source_schemas).map((t) => t.block as SchemaBlock)];
  for (const root of roots) count(root);
  const keys = new Map<string, string>();
  const blocks: Record<string, SchemaBlock> = {};
  const rewrite = (block: SchemaBlock, top: boolean): BlockRef => {
    const t = canonical(block);
    const shared = !top && t.length >= MIN_SHARED_LENGTH && (counts.get(t) ?? 0) > 1;
    if (shared && keys.has(t)) return { $ref: keys.get(t)! };
    let key: string | undefined;
    if (shared) {
      key = `b${keys.size}`;
      keys.set(t, key);
    }
    const out = sortBlock(block, (inner) => inner, (nested) => rewrite(nested, false));
    if (key) {
      blocks[key] = out as SchemaBlock;
      return { $ref: key };
    }
    return out;
  };
  const types = (map: ProviderSchemaFile['resource_schemas']) =>
    Object.fromEntries(Object.keys(map).sort().map((name) => [name, { ...map[name]!, block: rewrite(map[name]!.block as SchemaBlock, true) }]));
  return {
    ...file,
    provider_config: rewrite(file.provider_config as SchemaBlock, true),
    resource_schemas: types(file.resource_schemas),
    data_source_schemas: types(file.data_source_schemas),
    blocks,
  };
}

/** The block with sorted keys; nested blocks as `each` returns them. */
function sortBlock(block: SchemaBlock, _canonical: (b: SchemaBlock) => unknown, each: (b: SchemaBlock) => unknown = _canonical): SchemaBlock {
  const out: SchemaBlock = {};
  if (block.attributes && Object.keys(block.attributes).length) {
    out.attributes = Object.fromEntries(Object.keys(block.attributes).sort().map((k) => [k, sortKeys(block.attributes![k])]));
  }
  if (block.block_types && Object.keys(block.block_types).length) {
    out.block_types = Object.fromEntries(
      Object.keys(block.block_types).sort().map((k) => {
        const nested = block.block_types![k]!;
        const { block: inner, ...limits } = nested;
        return [k, { ...sortKeys(limits), block: each(inner as SchemaBlock) as BlockRef } satisfies NestedBlock];
      }),
    );
  }
  return out;
}

function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])])) as T;
  }
  return value;
}
