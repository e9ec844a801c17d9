import type { Declaration } from '../fileIndex';
import { attribute, HclAttribute } from '../syntax';
import type { Range } from '../text';
import type { ValueReader } from './reader';

const START_COUNT = /\.\s*start_count\b/;

/**
 * Undefined when a resource stops with the workspace: counted by the workspace's start_count (alone, in
 * an expression, or through a local), or never created (`count` known to be 0). Otherwise its `count`
 * attribute, if any, and the range to report (that attribute, or the block header).
 */
export function missingStartCount(reader: ValueReader, resource: Declaration): { count?: HclAttribute; range: Range } | undefined {
  const block = resource.block;
  if (!block) return undefined;
  const count = attribute(block, 'count');
  if (count?.value && (reader.mentions(count.value, START_COUNT) || reader.number(count.value, resource.file) === 0)) return undefined;
  const header = block.labelNodes[1] ?? block.typeNode;
  return {
    count,
    range: count ? resource.file.rangeOf(count.node) : resource.file.rangeOfOffsets(block.node.startIndex, header.endIndex),
  };
}
