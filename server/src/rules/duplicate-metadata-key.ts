import { literalKeys, repeats } from '../model/coderResources';
import { defineRule } from './types';

/** Where each provider resource keeps keys it checks for repeats, and which message words its refusal. */
const KEYED_BLOCKS = [
  { type: 'coder_agent', child: 'metadata', messageId: 'agentMetadataKey' },
  { type: 'coder_metadata', child: 'item', messageId: 'resourceMetadataKey' },
] as const;

export const duplicateMetadataKey = defineRule({
  meta: {
    id: 'duplicate-metadata-key',
    defaultSeverity: 'error',
    description: 'Two `metadata` blocks of one `coder_agent`, or two `item` blocks of one `coder_metadata`, with the same `key`.',
    fixable: false,
    messages: {
      agentMetadataKey:
        'The metadata block on line {{line}} of `{{resource}}` already has the key {{key}}. ' +
        'The coder provider refuses repeated keys when it plans the template: `duplicate agent metadata key {{key}}`.',
      resourceMetadataKey:
        'The item block on line {{line}} of `{{resource}}` already has the key {{key}}. ' +
        'The coder provider refuses repeated keys when it plans the template: `duplicate resource metadata key {{key}}`.',
    },
    tags: ['agent', 'push-check'],
  },
  check({ module, report }) {
    for (const { type, child, messageId } of KEYED_BLOCKS) {
      for (const resource of module.resources(type)) {
        const keys = resource.block && literalKeys(resource.block, child);
        if (!keys) continue;
        for (const { item, first } of repeats(keys, (k) => k.key)) {
          const line = resource.file.positionAt(first.block.node.startIndex).line + 1;
          report({
            file: resource.file,
            range: resource.file.rangeOf(item.node),
            messageId,
            data: { line, resource: resource.name, key: JSON.stringify(item.key) },
          });
        }
      }
    }
  },
});
