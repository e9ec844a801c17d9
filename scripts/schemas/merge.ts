/**
 * Joins the two readings of a provider. Where the documentation gives the structure, the Go reading adds
 * value checks, defaults and conflicts at the same path. Either way every difference in structure
 * between the two is listed, so that a maintainer sees where the pages lag the code (or where the Go
 * reading is wrong).
 */
import type { CtyType, NestedBlock, SchemaAttribute, SchemaBlock } from '../../server/src/schema/format';

const CARRIED: ReadonlyArray<keyof SchemaAttribute> = [
  'allowed_values', 'also_allowed', 'ignore_case', 'minimum', 'maximum', 'min_length', 'max_length', 'pattern', 'format', 'default', 'conflicts_with', 'elements',
];

/** Copies the Go reading's facts into the documentation's structure (in place); returns the differences. */
export function enrich(docs: SchemaBlock, go: SchemaBlock, path: string, differences: string[]): void {
  for (const [name, a] of Object.entries(docs.attributes ?? {})) {
    const g = go.attributes?.[name];
    if (!g) {
      if (go.block_types?.[name]) differences.push(`${path}.${name}: an attribute in the pages, a block in Go`);
      else differences.push(`${path}.${name}: in the pages only`);
      continue;
    }
    for (const key of CARRIED) if (g[key] !== undefined) (a as unknown as Record<string, unknown>)[key] = g[key];
    const modes = (x: SchemaAttribute) => `${x.required ? 'R' : ''}${x.optional ? 'O' : ''}${x.computed ? 'C' : ''}`;
    // The pages list an optional+computed argument under Optional and cannot show the computed part.
    // …and the SDK's own `id` of a type, optional and computed, appears there as read-only.
    const sdkId = name === 'id' && !path.slice(path.indexOf('.') + 1).includes('.') && g.optional && g.computed;
    if (modes(a) !== modes(g) && !(a.optional && g.optional && g.computed && !a.computed) && !sdkId) differences.push(`${path}.${name}: ${modes(a)} in the pages, ${modes(g)} in Go`);
    if (typeText(a.type) !== typeText(g.type)) differences.push(`${path}.${name}: type ${JSON.stringify(a.type)} in the pages, ${JSON.stringify(g.type)} in Go`);
  }
  for (const name of Object.keys(go.attributes ?? {})) {
    if (!docs.attributes?.[name] && !docs.block_types?.[name]) differences.push(`${path}.${name}: in Go only`);
  }
  for (const [name, b] of Object.entries(docs.block_types ?? {})) {
    const g = go.block_types?.[name];
    if (!g) {
      if (!go.attributes?.[name]) differences.push(`${path}.${name}: block in the pages only`);
      else differences.push(`${path}.${name}: a block in the pages, an attribute in Go`);
      continue;
    }
    const shape = (x: NestedBlock) => `${x.nesting_mode} ${x.min_items ?? 0}..${x.max_items ?? '*'}`;
    if (shape(b) !== shape(g)) differences.push(`${path}.${name}: ${shape(b)} in the pages, ${shape(g)} in Go`);
    enrich(b.block as SchemaBlock, g.block as SchemaBlock, `${path}.${name}`, differences);
  }
  for (const name of Object.keys(go.block_types ?? {})) {
    if (!docs.block_types?.[name] && !docs.attributes?.[name]) differences.push(`${path}.${name}: block in Go only`);
  }
}

/** A type as text with object attributes sorted, for comparison. */
function typeText(t: CtyType): string {
  if (typeof t === 'string') return t;
  if (t[0] === 'object') return `object{${Object.keys(t[1]).sort().map((k) => `${k}:${typeText(t[1][k]!)}`).join(',')}}`;
  if (t[0] === 'tuple') return `tuple[${t[1].map(typeText).join(',')}]`;
  return `${t[0]}(${typeText(t[1])})`;
}

/** Every attribute path of a block, nested blocks followed (`spec.container.image`). */
export function attributePaths(block: SchemaBlock, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of Object.keys(block.attributes ?? {})) out.push(prefix + name);
  for (const [name, b] of Object.entries(block.block_types ?? {})) out.push(...attributePaths(b.block as SchemaBlock, `${prefix}${name}.`));
  return out;
}
