import { acrossModules, addressOf, anchorOf, duplicateInstances, labelOf } from '../model/coderResources';
import { defineRule } from './types';

/** What Coder does with the names, after the sentence that says which agents collide. */
const CONSEQUENCE =
  'Coder names every agent after its resource label and needs the names to differ across the whole template, so importing it fails with `duplicate agent name: {{name}}`.';
const IGNORING_CASE = ' when case is ignored, as Coder ignores it';

export const duplicateAgentName = defineRule({
  meta: {
    id: 'duplicate-agent-name',
    defaultSeverity: 'error',
    description: 'Two agents of one template with the same name (case-insensitive), counting local modules and every `count`/`for_each` instance.',
    fixable: false,
    messages: {
      instances: `\`{{address}}\` has {{instances}} instances, and each takes the same name \`{{name}}\`. ${CONSEQUENCE}`,
      sameName: `\`{{address}}\` and \`{{first}}\` are both named \`{{name}}\`. ${CONSEQUENCE}`,
      sameNameInModule: `\`{{address}}\` and \`{{first}}\` (called through \`{{module}}\`) are both named \`{{name}}\`. ${CONSEQUENCE}`,
      sameNameIgnoringCase: `\`{{address}}\` and \`{{first}}\` are both named \`{{name}}\`${IGNORING_CASE}. ${CONSEQUENCE}`,
      sameNameIgnoringCaseInModule: `\`{{address}}\` and \`{{first}}\` (called through \`{{module}}\`) are both named \`{{name}}\`${IGNORING_CASE}. ${CONSEQUENCE}`,
    },
    tags: ['agent', 'modules', 'push-check'],
  },
  check({ module, report }) {
    const agents = acrossModules(module, 'resource', 'coder_agent');
    for (const { resource, first } of duplicateInstances(agents, (a) => labelOf(a).toLowerCase())) {
      const label = resource.block.labelNodes[1];
      if (!label) continue;
      const anchor = anchorOf(resource, label);
      const name = labelOf(resource);
      const address = addressOf(resource);
      if (resource === first) {
        report({ ...anchor, messageId: 'instances', data: { address, instances: String(resource.instances), name } });
        continue;
      }
      const ignoringCase = labelOf(first) !== name;
      const data = { address, first: addressOf(first), name };
      if (first.own) report({ ...anchor, messageId: ignoringCase ? 'sameNameIgnoringCase' : 'sameName', data });
      else report({ ...anchor, messageId: ignoringCase ? 'sameNameIgnoringCaseInModule' : 'sameNameInModule', data: { ...data, module: first.owner.address } });
    }
  },
});
