/**
 * Reads the `## Schema` section that tfplugindocs writes into a provider's documentation pages: the
 * Required / Optional / Read-Only lists and the `Nested Schema for \`a.b\`` sections they link to. Only
 * facts are taken: names, types, required/optional/read-only, nesting, min/max items, sensitive,
 * write-only and deprecated. The description text is never read.
 */
import type { CtyType, NestedBlock, SchemaAttribute, SchemaBlock } from '../../server/src/schema/format';

type Mode = 'required' | 'optional' | 'computed';

interface Item {
  name: string;
  mode: Mode;
  /** The text in the parentheses after the name, e.g. `Block List, Min: 1, Max: 1`. */
  kind: string;
  /** The anchor of the nested schema the item links to, if any. */
  anchor?: string;
}

export class DocsFormatError extends Error {}

/** The schema of one page, or undefined when the page has no `## Schema` section. */
export function parseSchemaSection(markdown: string, page: string): SchemaBlock | undefined {
  const lines = markdown.replace(/\r/g, '').split('\n');
  const start = lines.findIndex((l) => /^## Schema\s*$/.test(l));
  if (start < 0) return undefined;
  const sections = new Map<string, Item[]>();
  let anchor = '';
  let mode: Mode | undefined;
  sections.set(anchor, []);
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^## /.test(line)) break;
    const a = /^<a id="([^"]+)"><\/a>\s*$/.exec(line);
    if (a) {
      anchor = a[1]!;
      if (!sections.has(anchor)) sections.set(anchor, []);
      mode = undefined;
      continue;
    }
    const heading = /^(?:### )?(Required|Optional|Read-Only):?\s*$/.exec(line);
    if (heading) {
      mode = heading[1] === 'Required' ? 'required' : heading[1] === 'Optional' ? 'optional' : 'computed';
      continue;
    }
    if (/^(?:### )?Nested Schema for/.test(line)) {
      mode = undefined;
      continue;
    }
    // Hand-edited pages sometimes drop the list marker or the backticks around the name.
    const item = /^(?:- )?`?([A-Za-z0-9_]+)`? \(([^)]*)\)(.*)$/.exec(line);
    if (item && mode) {
      const linked = /\(see \[below for nested schema\]\(#([^)]+)\)\)/.exec(item[3]!)?.[1];
      const bare = /\(see below for nested schema\)/.test(item[3]!);
      const kind = item[2]!;
      const derived = bare ? `${kind.startsWith('Block') ? 'nestedblock' : 'nestedatt'}--${[...anchor.split('--').slice(1), item[1]].join('--')}` : undefined;
      sections.get(anchor)!.push({ name: item[1]!, mode, kind, anchor: linked ?? derived });
    }
  }
  return buildBlock(sections, '', page, new Set());
}

function buildBlock(sections: Map<string, Item[]>, anchor: string, page: string, seen: Set<string>): SchemaBlock {
  const items = sections.get(anchor);
  if (!items) throw new DocsFormatError(`${page}: no nested schema section #${anchor}`);
  if (seen.has(anchor)) throw new DocsFormatError(`${page}: nested schema #${anchor} refers to itself`);
  const inner = new Set(seen).add(anchor);
  const block: SchemaBlock = {};
  for (const item of items) {
    const kind = item.kind.split(',').map((p) => p.trim());
    const flags = new Set(kind.slice(1));
    const head = kind[0]!;
    if (head.startsWith('Block')) {
      const nested: NestedBlock = {
        nesting_mode: head === 'Block Set' ? 'set' : head === 'Block List' ? 'list' : head === 'Block Map' ? 'map' : 'single',
        block: item.anchor ? buildBlock(sections, item.anchor, page, inner) : {},
      };
      for (const f of flags) {
        const m = /^(Min|Max): (\d+)$/.exec(f);
        if (m) nested[m[1] === 'Min' ? 'min_items' : 'max_items'] = Number(m[2]);
        if (f === 'Deprecated') nested.deprecated = true;
      }
      if (item.mode === 'required' && !nested.min_items && nested.nesting_mode !== 'single') nested.min_items = 1;
      (block.block_types ??= {})[item.name] = nested;
      continue;
    }
    const attribute: SchemaAttribute = { type: ctyOf(head, item, sections, page, inner) };
    if (item.mode === 'required') attribute.required = true;
    else if (item.mode === 'optional') attribute.optional = true;
    else attribute.computed = true;
    if (flags.has('Sensitive')) attribute.sensitive = true;
    if (flags.has('Deprecated')) attribute.deprecated = true;
    if (flags.has('Write-Only')) attribute.write_only = true;
    (block.attributes ??= {})[item.name] = attribute;
  }
  return block;
}

const PRIMITIVES: Record<string, CtyType> = { String: 'string', Number: 'number', Integer: 'number', Float: 'number', Boolean: 'bool', Bool: 'bool', Dynamic: 'dynamic' };

function ctyOf(head: string, item: Item, sections: Map<string, Item[]>, page: string, seen: Set<string>): CtyType {
  const primitive = PRIMITIVES[head];
  if (primitive) return primitive;
  const objectType = (): CtyType => {
    if (!item.anchor) return ['object', {}];
    const nested = buildBlock(sections, item.anchor, page, seen);
    return ['object', objectAttributes(nested)];
  };
  if (head === 'Object') return objectType();
  const collection = /^(List|Set|Map) of (\w+)$/.exec(head);
  if (collection) {
    const kind = collection[1]!.toLowerCase() as 'list' | 'set' | 'map';
    const element = collection[2] === 'Object' ? objectType() : PRIMITIVES[collection[2]!];
    if (!element) throw new DocsFormatError(`${page}: unknown element type in (${item.kind}) of ${item.name}`);
    return [kind, element];
  }
  const attributes = /^Attributes(?: (List|Set|Map))?$/.exec(head);
  if (attributes) {
    const object = objectType();
    return attributes[1] ? [attributes[1].toLowerCase() as 'list' | 'set' | 'map', object] : object;
  }
  throw new DocsFormatError(`${page}: unknown type (${item.kind}) of ${item.name}`);
}

/** The cty object type a nested section describes (its attributes and, as objects, its blocks). */
function objectAttributes(block: SchemaBlock): Record<string, CtyType> {
  const out: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) out[name] = a.type;
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    const inner: CtyType = ['object', objectAttributes(b.block as SchemaBlock)];
    out[name] = b.nesting_mode === 'single' ? inner : [b.nesting_mode === 'map' ? 'map' : b.nesting_mode, inner];
  }
  return out;
}
