import { textOffsets } from '../model/coderResources';
import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { FixBuilder } from './edits';
import { defineRule, Fix } from './types';

/** coder/coder `provisioner/regexes.go` AgentNameRegex: letters and digits in runs joined by single hyphens. */
export const AGENT_NAME = /^[a-z0-9](-?[a-z0-9])*$/i;
const AGENT_NAME_GO = '(?i)^[a-z0-9](-?[a-z0-9])*$';

export const agentNameInvalid = defineRule({
  meta: {
    id: 'agent-name-invalid',
    defaultSeverity: 'error',
    description: "A `coder_agent`'s label is its name in Coder, and Coder accepts only letters, digits and single hyphens there.",
    fixable: true,
    messages: {
      underscores: `Coder names an agent after its resource label, and refuses underscores there: importing this template fails with \`agent name {{quotedName}} contains underscores which are no longer supported, please use hyphens instead (regex: ${JSON.stringify(AGENT_NAME_GO)})\`. Use hyphens.`,
      notHyphenated: `Coder names an agent after its resource label, which must be letters and digits joined by single hyphens (no leading, trailing or doubled hyphen): importing this template fails with \`agent name {{quotedName}} does not match regex ${JSON.stringify(AGENT_NAME_GO)}\`.`,
    },
    tags: ['agent', 'push-check'],
  },
  check({ module, report }) {
    for (const agent of module.resources('coder_agent')) {
      const label = agent.name.slice('coder_agent.'.length);
      const labelNode = agent.block?.labelNodes[1];
      if (!labelNode || AGENT_NAME.test(label)) continue;
      const [start, end] = textOffsets(labelNode);
      const underscores = label.includes('_');
      report({
        file: agent.file,
        range: agent.file.rangeOfOffsets(start, end),
        messageId: underscores ? 'underscores' : 'notHyphenated',
        // Quoted as Go's %q quotes it, as Coder's own error does.
        data: { quotedName: JSON.stringify(label) },
        fix: underscores ? renameFix(module, agent, label.replace(/_/g, '-')) : undefined,
      });
    }
  },
});

/** Renames the label and every reference to the agent; none when the new name is taken or still invalid. */
function renameFix(module: TemplateModule, agent: Declaration, name: string): Fix | undefined {
  if (!AGENT_NAME.test(name)) return undefined;
  const taken = module.resources('coder_agent').some((a) => a !== agent && a.name.slice('coder_agent.'.length).toLowerCase() === name.toLowerCase());
  if (taken) return undefined;
  const [start, end] = textOffsets(agent.block!.labelNodes[1]);
  const builder = new FixBuilder(`Rename the agent to \`${name}\``).replace(agent.file, start, end, name);
  for (const reference of module.references) {
    if (reference.kind === 'resource' && reference.name === agent.name) builder.replace(reference.file, reference.nameStart, reference.nameEnd, name);
  }
  return builder.build();
}
