/** The text completion inserts for an argument's value and for a block with its required contents. */
import type { AttributeSchema, BlockSchema } from '../../schema';

/** The value part of `name = …` as a snippet with tab stop `n`. */
export function valueSnippet(a: AttributeSchema, n: number, hasValues: boolean, hasKeys: boolean): string {
  const allowed = (typeof a.type === 'string' ? a.checks : undefined)?.allowed_values?.filter((v) => v !== '');
  if (allowed?.length && !hasValues && a.type === 'string') {
    const choices = allowed.map((v) => String(v).replace(/[,|\\$}]/g, '\\$&'));
    return `"\${${n}|${choices.join(',')}|}"`;
  }
  const t = a.type;
  if (t === 'bool') return `\${${n}|true,false|}`;
  if (t === 'number') return `\${${n}:${a.checks?.minimum !== undefined && a.checks.minimum > 0 ? a.checks.minimum : 0}}`;
  if (t === 'string') return `"\${${n}}"`;
  if (t === 'dynamic') return `\${${n}}`;
  switch (t[0]) {
    case 'list':
    case 'set':
    case 'tuple':
      return `[\${${n}}]`;
    case 'map':
    case 'object':
      return hasKeys ? `{\n\t\${${n}}\n}` : `{\${${n}}}`;
  }
}

/** The required arguments (and required blocks, three levels deep) of a block, as snippet lines. */
export function bodySnippet(body: BlockSchema, depth: number, counter: { next: number }): string {
  const indent = '\t'.repeat(depth);
  const required = [...body.attributes.values()].filter((a) => a.required).sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(0, ...required.map((a) => a.name.length));
  let out = '';
  for (const a of required) {
    // Inside a multi-line snippet a choice list beats re-opening completion, so allowed values become choices.
    out += `${indent}${a.name.padEnd(width)} = ${valueSnippet(a, counter.next++, false, false)}\n`;
  }
  if (depth < 4) {
    for (const b of [...body.blocks.values()].filter((x) => x.minItems > 0).sort((a, b) => a.name.localeCompare(b.name))) {
      out += `${indent}${b.name} {\n${bodySnippet(b.block, depth + 1, counter)}${indent}}\n`;
    }
  }
  return out;
}
