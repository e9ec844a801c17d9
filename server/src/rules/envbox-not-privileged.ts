import { Container, containerHeader, containerLabel } from '../model/containers';
import { isLiteral } from '../model/facts/values';
import { FixBuilder } from './edits';
import { defineRule, Fix } from './types';

export const envboxNotPrivileged = defineRule({
  meta: {
    id: 'envbox-not-privileged',
    defaultSeverity: 'error',
    description: 'The outer envbox container must be privileged.',
    fixable: true,
    messages: {
      notPrivileged:
        '{{container}} runs envbox but is not privileged: envbox starts Sysbox and its own Docker daemon inside this outer container, which needs privileges to do so, so the workspace never starts. Only the outer container is privileged; the workspace inside it is not.',
    },
    tags: ['envbox', 'docker', 'kubernetes'],
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      // Known not privileged only: `privileged = var.x` may well be true.
      if (!c.isEnvbox || c.privileged !== false) continue;
      const explicit = c.privilegedAttribute;
      const where = explicit?.value ? explicit.node : c.imageNode;
      const header = containerHeader(c);
      report({
        file: c.file,
        range: where ? c.file.rangeOf(where) : c.file.rangeOfOffsets(header.start, header.end),
        messageId: 'notPrivileged',
        data: { container: containerLabel(c, true) },
        fix: privilegedFix(c),
      });
    }
  },
});

function privilegedFix(c: Container): Fix | undefined {
  const builder = new FixBuilder('Set `privileged = true`');
  const explicit = c.privilegedAttribute;
  // `privileged = local.x` that reads false is the user's switch: left to them.
  if (explicit?.value) return isLiteral(explicit.value) ? builder.replaceNode(c.file, explicit.value, 'true').build() : undefined;
  if (c.platform === 'docker') return builder.insertAttribute(c.file, c.block, 'privileged', 'true').build();
  if (c.securityContext) return builder.insertAttribute(c.file, c.securityContext, 'privileged', 'true').build();
  return builder.insertBlock(c.file, c.block, ['security_context {', '  privileged = true', '}']).build();
}
