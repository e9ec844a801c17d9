import { literalKeys, repeats } from '../model/coderResources';
import type { Rule } from './types';

/** Where each provider resource keeps keys it checks for repeats, and how it words the refusal. */
const KEYED_BLOCKS = [
  { type: 'coder_agent', child: 'metadata', error: 'duplicate agent metadata key' },
  { type: 'coder_metadata', child: 'item', error: 'duplicate resource metadata key' },
];

export const duplicateMetadataKey: Rule = {
  meta: {
    id: 'duplicate-metadata-key',
    defaultSeverity: 'error',
    description: 'Two `metadata` blocks of one `coder_agent`, or two `item` blocks of one `coder_metadata`, with the same `key`.',
    fixable: false,
  },
  check({ module, report }) {
    for (const { type, child, error } of KEYED_BLOCKS) {
      for (const resource of module.resources(type)) {
        const keys = resource.block && literalKeys(resource.block, child);
        if (!keys) continue;
        for (const { item, first } of repeats(keys, (k) => k.key)) {
          const line = resource.file.positionAt(first.block.node.startIndex).line + 1;
          report({
            file: resource.file,
            range: resource.file.rangeOf(item.node),
            message:
              `The ${child} block on line ${line} of \`${resource.name}\` already has the key ${JSON.stringify(item.key)}. ` +
              `The coder provider refuses repeated keys when it plans the template: \`${error} ${JSON.stringify(item.key)}\`.`,
          });
        }
      }
    }
  },
};
