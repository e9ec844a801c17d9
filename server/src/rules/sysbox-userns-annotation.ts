import { podAnnotations } from '../model/containers';
import { valuesOf } from '../model/facts/reader';
import { USERNS_ANNOTATION, USERNS_VALUE } from '../model/facts/sysbox';
import { FixBuilder } from './edits';
import { addUsernsAnnotation } from './fixes/sysbox';
import { defineRule } from './types';

export const sysboxUsernsAnnotation = defineRule({
  meta: {
    id: 'sysbox-userns-annotation',
    defaultSeverity: 'warning',
    description: `A Sysbox pod should carry the \`${USERNS_ANNOTATION}\` annotation so that it gets its own user namespace.`,
    fixable: true,
    messages: {
      missingAnnotation:
        `This pod runs under Sysbox but \`{{annotations}}\` lacks "${USERNS_ANNOTATION}". Sysbox isolates a workspace by giving its pod a user namespace of its own; ` +
        'on clusters without Kubernetes\' own user-namespace support (where the Sysbox installer runs CRI-O), this annotation is how the pod asks for one. ' +
        `Without it, root inside the workspace is not mapped to an unprivileged host user and Docker or systemd may fail to start. Add "${USERNS_ANNOTATION}" = "${USERNS_VALUE}".`,
    },
    tags: ['sysbox', 'kubernetes', 'security'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    const seen = new Set<string>();
    for (const c of facts.containers) {
      if (c.platform !== 'kubernetes' || c.sysbox !== true || !c.sysboxAttribute || seen.has(c.resource.name)) continue;
      seen.add(c.resource.name);
      const { attribute: annotations } = podAnnotations(c);
      if (annotations) {
        const value = reader.read(annotations.value, c.file);
        // `annotations = var.x`, or a map with keys that cannot be read: the annotation may be there.
        if (value.kind !== 'object' || value.open || value.entries.has(USERNS_ANNOTATION)) continue;
      }
      const builder = new FixBuilder(`Add the "${USERNS_ANNOTATION}" annotation`);
      report({
        file: c.file,
        range: c.file.rangeOf(c.sysboxAttribute.node),
        messageId: 'missingAnnotation',
        data: { annotations: c.annotationsPath ?? 'metadata.annotations' },
        fix: addUsernsAnnotation(builder, c) ? builder.build() : undefined,
      });
    }
  },
});
