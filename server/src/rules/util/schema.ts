/** Helpers the schema validation rules share: how a release is named, and what a fix inserts. */
import type { HclBlock } from '../../model/syntax';
import type { AttributeSchema, BlockSchema, ProviderRelease, Removal } from '../../schema';
import { checkProblem, convertPrimitive } from '../../schema/valueChecks';

/** `kreuzwerker/docker 4.5.0`, in backticks. */
export function releaseLabel(release: ProviderRelease): string {
  return `\`${release.source} ${release.version}\``;
}

/** When a release dropped a name: `in 2.0.0`, or `after 3.9.0` (the last bundled release that had it) where that is all we know. */
export function removedWhen(removal: Removal): string {
  return removal.removed_in ? `in ${removal.removed_in}` : `after ${removal.last_seen}`;
}

/**
 * A value to write for a required argument: the first allowed value, the minimum of a range, `false`,
 * an empty collection, or a string the provider's checks accept (empty when they allow it).
 */
export function placeholderValue(a: AttributeSchema): string {
  const t = a.type;
  const allowed = typeof t === 'string' ? a.checks?.allowed_values : undefined;
  if (allowed?.length) return typeof allowed[0] === 'string' ? JSON.stringify(allowed[0]) : String(allowed[0]);
  if (t === 'bool') return 'false';
  if (t === 'number') return String(Math.max(a.checks?.minimum ?? 0, 0));
  if (t === 'string') {
    for (const candidate of ['', 'x', 'name', '/']) {
      const converted = convertPrimitive(candidate, 'string');
      if (converted && 'value' in converted && (!a.checks || !checkProblem(converted.value, a.checks))) return JSON.stringify(candidate);
    }
    return '""';
  }
  if (t === 'dynamic') return 'null';
  return t[0] === 'map' || t[0] === 'object' ? '{}' : '[]';
}

/**
 * A nested block with its required arguments and required blocks, as lines without indentation (two
 * spaces a level, as FixBuilder.insertBlock takes them).
 */
export function blockSkeleton(name: string, body: BlockSchema, depth = 0): string[] {
  const required = [...body.attributes.values()].filter((a) => a.required).sort((a, b) => a.name.localeCompare(b.name));
  const blocks = [...body.blocks.values()].filter((b) => b.minItems > 0).sort((a, b) => a.name.localeCompare(b.name));
  if (!required.length && !blocks.length) return [`${name} {}`];
  const width = Math.max(...required.map((a) => a.name.length));
  const inner = [
    ...required.map((a) => `  ${a.name.padEnd(width)} = ${placeholderValue(a)}`),
    ...(depth < 6 ? blocks.flatMap((b) => blockSkeleton(b.name, b.block, depth + 1).map((l) => `  ${l}`)) : []),
  ];
  return [`${name} {`, ...inner, '}'];
}

/** A block's header, `type "label" …`, as a kept span (for findings about the block as a whole). */
export function headerSpan(block: HclBlock): { node: HclBlock['node']; end: HclBlock['typeNode'] } {
  return { node: block.node, end: block.labelNodes[block.labelNodes.length - 1] ?? block.typeNode };
}
