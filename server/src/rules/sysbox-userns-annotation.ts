import type { Container } from '../model/containers';
import { podAnnotations } from '../model/containers';
import { unwrap } from '../model/syntax';
import { FixBuilder } from './edits';
import type { Fix, Rule } from './types';

export const USERNS_ANNOTATION = 'io.kubernetes.cri-o.userns-mode';
const USERNS_VALUE = 'auto:size=65536';

export const sysboxUsernsAnnotation: Rule = {
  meta: {
    id: 'sysbox-userns-annotation',
    defaultSeverity: 'warning',
    description: `A Sysbox pod should carry the \`${USERNS_ANNOTATION}\` annotation so that it gets its own user namespace.`,
    fixable: true,
  },
  check({ facts, report }) {
    const seen = new Set<string>();
    for (const c of facts.containers) {
      if (c.platform !== 'kubernetes' || !c.sysbox || !c.sysboxAttribute || seen.has(c.resource.name)) continue;
      seen.add(c.resource.name);
      const { attribute: annotations, entries } = podAnnotations(c);
      if (annotations) {
        const object = unwrap(annotations.value);
        // `annotations = merge(…)` or a variable: the keys are not known here.
        if (object?.type !== 'object') continue;
        const elements = object.namedChildren.filter((n) => n?.type === 'object_elem').length;
        if (elements !== entries.length) continue; // a computed key could be the one
        if (entries.some((e) => e.key === USERNS_ANNOTATION)) continue;
      }
      const where = c.resource.resourceType?.includes('deployment') ? '`spec.template.metadata.annotations`' : '`metadata.annotations`';
      report({
        file: c.file,
        range: c.file.rangeOf(c.sysboxAttribute.node),
        message:
          `This pod runs under Sysbox but ${where} lacks "${USERNS_ANNOTATION}". Sysbox isolates a workspace by giving its pod a user namespace of its own; ` +
          'on clusters without Kubernetes\' own user-namespace support (where the Sysbox installer runs CRI-O), this annotation is how the pod asks for one. ' +
          `Without it, root inside the workspace is not mapped to an unprivileged host user and Docker or systemd may fail to start. Add "${USERNS_ANNOTATION}" = "${USERNS_VALUE}".`,
        fix: annotationFix(c),
      });
    }
  },
};

function annotationFix(c: Container): Fix | undefined {
  const builder = new FixBuilder(`Add the "${USERNS_ANNOTATION}" annotation`);
  const key = `"${USERNS_ANNOTATION}"`;
  const value = `"${USERNS_VALUE}"`;
  const { attribute: annotations } = podAnnotations(c);
  if (annotations) {
    const object = unwrap(annotations.value);
    if (object?.type !== 'object') return undefined;
    builder.insertObjectEntry(c.file, object, key, value);
  } else if (c.podMetadata) {
    builder.insertBlock(c.file, c.podMetadata, ['annotations = {', `  ${key} = ${value}`, '}']);
  } else if (c.podMetadataParent) {
    builder.insertBlock(c.file, c.podMetadataParent, ['metadata {', '  annotations = {', `    ${key} = ${value}`, '  }', '}']);
  } else {
    return undefined;
  }
  return builder.build();
}
