import { acrossModules, addressOf, anchorOf, duplicateInstances, labelOf, TemplateResource } from '../model/coderResources';
import type { Rule } from './types';

export const duplicateAgentName: Rule = {
  meta: {
    id: 'duplicate-agent-name',
    defaultSeverity: 'error',
    description: 'Two agents of one template with the same name (case-insensitive), counting local modules and every `count`/`for_each` instance.',
    fixable: false,
  },
  check({ module, report }) {
    const agents = acrossModules(module, 'resource', 'coder_agent');
    for (const { resource, first } of duplicateInstances(agents, (a) => labelOf(a).toLowerCase())) {
      const label = resource.block.labelNodes[1];
      if (!label) continue;
      const anchor = anchorOf(resource, label);
      report({
        ...anchor,
        message: `${why(resource, first)} Coder names every agent after its resource label and needs the names to differ across the whole template, so importing it fails with \`duplicate agent name: ${labelOf(resource)}\`.`,
      });
    }
  },
};

function why(resource: TemplateResource, first: TemplateResource): string {
  if (resource === first) {
    return `\`${addressOf(resource)}\` has ${resource.instances} instances, and each takes the same name \`${labelOf(resource)}\`.`;
  }
  const where = first.own ? '' : ` (called through \`${first.owner.address}\`)`;
  const sameCase = labelOf(first) === labelOf(resource);
  return `\`${addressOf(resource)}\` and \`${addressOf(first)}\`${where} are both named \`${labelOf(resource)}\`${sameCase ? '' : ' when case is ignored, as Coder ignores it'}.`;
}
