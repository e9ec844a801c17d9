import type { Container } from '../model/containers';
import type { TemplateModule } from '../model/module';
import { isLiteral } from '../model/facts/values';
import { attribute, HclBlock } from '../model/syntax';
import { FixBuilder } from './edits';
import { addSysbox, conflictsWithSysbox } from './fixes/sysbox';
import { defineRule, Fix } from './types';

/** What a privileged container lets its users do: said of each kind of container below. */
const ESCAPE = 'a privileged container has every capability and the host\'s devices, so whoever controls it can mount the host\'s disk and become root on the node';

export const privilegedContainer = defineRule({
  meta: {
    id: 'privileged-container',
    defaultSeverity: 'warning',
    description: 'A privileged container (other than envbox\'s outer container) lets the workspace gain root on the host.',
    fixable: false,
    hasSuggestions: true,
    messages: {
      dindSidecar:
        `This privileged Docker sidecar is the "privileged sidecar" method, which Coder's docs call insecure: ${ESCAPE}, ` +
        'and every process in the workspace controls it through DOCKER_HOST (`docker run --privileged -v /:/host …`). ' +
        'Where the nodes can run Sysbox, run Docker inside the workspace under Sysbox (or use envbox) instead.',
      workspace:
        `The workspace container is privileged: ${ESCAPE}, and here that is anyone who can open a terminal in the workspace. ` +
        'To run Docker or systemd inside, the Sysbox runtime (or envbox) gives the same abilities without host privileges.',
      otherContainer: `This container is privileged: ${ESCAPE}. Unless it truly needs the host, drop \`privileged\`; to run Docker inside, use the Sysbox runtime.`,
    },
    tags: ['dind', 'docker', 'kubernetes', 'security'],
  },
  check({ module, facts, report }) {
    for (const c of facts.containers) {
      // Known privileged only (`privileged = "true"` is): `privileged = var.x` may well be false.
      if (c.privileged !== true || !c.privilegedAttribute || c.isEnvbox) continue;
      const suggestion = switchToSysbox(module, c);
      report({
        file: c.file,
        range: c.file.rangeOf(c.privilegedAttribute.node),
        messageId: c.isDindSidecar ? 'dindSidecar' : c.isWorkspace ? 'workspace' : 'otherContainer',
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
});

function switchToSysbox(module: TemplateModule, c: Container): Fix | undefined {
  const holder: HclBlock | undefined = c.platform === 'docker' ? c.block : c.securityContext;
  if (!holder || !c.privilegedAttribute || (c.platform === 'kubernetes' && !c.podSpec)) return undefined;
  // `privileged = local.x` is a switch the user made: removing it is theirs to do.
  if (!isLiteral(c.privilegedAttribute.value)) return undefined;
  if (conflictsWithSysbox(module, c, true)) return undefined;
  const builder = new FixBuilder('Switch to the Sysbox runtime');
  const runtime = attribute(c.block, 'runtime');
  if (c.platform === 'docker' && !runtime) {
    // One edit for the pair: removing and inserting in the same run would each realign it differently.
    return builder.replaceAttribute(c.file, holder, c.privilegedAttribute, 'runtime', '"sysbox-runc"').build();
  }
  builder.removeAttribute(c.file, holder, c.privilegedAttribute);
  if (c.sysbox !== true && !addSysbox(builder, module, c, true)) return undefined;
  return builder.build();
}
