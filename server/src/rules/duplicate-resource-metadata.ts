import { instanceCount } from '../model/coderValues';
import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { attribute } from '../model/syntax';
import { defineRule } from './types';

/** What every finding ends with: Coder's own words at import, and the way out. */
const ONE_PER_RESOURCE =
  ' Coder shows one metadata block per resource and fails the import on a second: `duplicate metadata resource: {{target}}`. Put all the items in one `coder_metadata`.';

export const duplicateResourceMetadata = defineRule({
  meta: {
    id: 'duplicate-resource-metadata',
    defaultSeverity: 'error',
    description: 'Two `coder_metadata` (or one with several instances) describing the same resource.',
    fixable: false,
    messages: {
      alreadyDescribed: '`{{first}}` already describes `{{target}}`.' + ONE_PER_RESOURCE,
      repeatedInstances: '`{{metadata}}` has {{instances}} instances, all describing `{{target}}`.' + ONE_PER_RESOURCE,
    },
    tags: ['push-check'],
  },
  check({ module, report }) {
    const byTarget = new Map<string, Declaration>();
    for (const metadata of module.resources('coder_metadata')) {
      const block = metadata.block;
      const resourceId = attribute(block, 'resource_id');
      const target = block && targetOf(module, metadata);
      const instances = block && instanceCount(block);
      if (!resourceId || !target || !instances) continue;
      const first = byTarget.get(target);
      if (!first) byTarget.set(target, metadata);
      if (first || instances > 1) {
        report({
          file: metadata.file,
          range: metadata.file.rangeOf(resourceId.node),
          ...(first
            ? { messageId: 'alreadyDescribed', data: { first: first.name, target } }
            : { messageId: 'repeatedInstances', data: { metadata: metadata.name, instances, target } }),
        });
      }
    }
  },
});

/**
 * The resource Coder attaches a `coder_metadata` to: the nearest managed resource, other than Coder's
 * own, among those it depends on. Known only when every such resource it names directly is the same
 * one (with two at the same distance, Coder's choice depends on its graph walk).
 */
function targetOf(module: TemplateModule, metadata: Declaration): string | undefined {
  const start = metadata.node.startIndex;
  const end = metadata.node.endIndex;
  const targets = new Set<string>();
  for (const reference of module.references) {
    if (reference.file !== metadata.file || reference.start < start || reference.end > end) continue;
    if (reference.kind === 'resource' && !reference.resourceType?.startsWith('coder_') && module.find('resource', reference.name)) {
      targets.add(reference.name);
    }
  }
  return targets.size === 1 ? [...targets][0] : undefined;
}
