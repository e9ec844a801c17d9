import { Container, containerHeader, containerLabel, resourceLimits } from '../model/containers';
import { childBlocks, unwrap } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule, Fix } from './types';
import { valuesOf } from '../model/facts/reader';

const FUSE = 'github.com/fuse';

export const podmanMissingFuse = defineRule({
  meta: {
    id: 'podman-missing-fuse',
    defaultSeverity: 'warning',
    description: 'A rootless Podman container needs a FUSE device: "github.com/fuse" in resources.limits.',
    fixable: true,
    messages: {
      missingFuse: `{{container}} runs Podman but requests no FUSE device ("${FUSE}" in resources.limits): rootless Podman stores images with fuse-overlayfs, which needs /dev/fuse, so pulling or running containers in the workspace fails. The device comes from the FUSE device plugin on the node.`,
    },
    tags: ['podman', 'kubernetes'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    for (const c of facts.containers) {
      // resources.limits is a Kubernetes notion; a docker_container gets /dev/fuse through `devices`.
      if (!c.isPodman || c.platform !== 'kubernetes') continue;
      const limits = resourceLimits(c);
      if (limits.attribute?.value) {
        // limits from a variable, or a map with keys that cannot be read, may hold it: we cannot tell.
        const value = reader.read(limits.attribute.value, c.file);
        if (value.kind !== 'object' || value.open || value.entries.has(FUSE)) continue;
      }
      if (childBlocks(c.block, 'dynamic').some((d) => d.labels[0] === 'resources')) continue;
      const header = containerHeader(c);
      const where = limits.attribute ?? undefined;
      report({
        file: c.file,
        range: where ? c.file.rangeOf(where.nameNode) : c.imageNode ? c.file.rangeOf(c.imageNode) : c.file.rangeOfOffsets(header.start, header.end),
        messageId: 'missingFuse',
        data: { container: containerLabel(c, true) },
        fix: fuseFix(c),
      });
    }
  },
});

function fuseFix(c: Container): Fix | undefined {
  const builder = new FixBuilder(`Add "${FUSE}" = 1 to resources.limits`);
  const { resources, attribute } = resourceLimits(c);
  const object = unwrap(attribute?.value);
  if (object?.type === 'object') return builder.insertObjectEntry(c.file, object, `"${FUSE}"`, '1').build();
  // `limits = merge(…)` or a local: the user's to extend.
  if (attribute) return undefined;
  if (resources) return builder.insertBlock(c.file, resources, ['limits = {', `  "${FUSE}" = 1`, '}']).build();
  return builder.insertBlock(c.file, c.block, ['resources {', '  limits = {', `    "${FUSE}" = 1`, '  }', '}']).build();
}
