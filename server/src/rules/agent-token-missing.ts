import type { Container } from '../model/containers';
import { FixBuilder } from './edits';
import type { Fix, Rule } from './types';

export const agentTokenMissing: Rule = {
  meta: {
    id: 'agent-token-missing',
    defaultSeverity: 'error',
    description: 'A container runs a Coder agent\'s init_script but does not pass that agent\'s token as CODER_AGENT_TOKEN.',
    fixable: true,
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      const init = c.agentReferences.find((r) => r.traversal.steps[1]?.name === 'init_script');
      if (!init) continue;
      const agent = init.name.slice('coder_agent.'.length);
      const tokenRef = `coder_agent.${agent}.token`;
      const entry = c.env.find((e) => e.name === 'CODER_AGENT_TOKEN');
      if (entry) {
        const valueText = entry.valueNode ? c.file.text.slice(entry.valueNode.startIndex, entry.valueNode.endIndex) : '';
        if (valueText.includes(tokenRef)) continue;
        report({
          file: c.file,
          range: c.file.rangeOf(entry.node),
          message: `CODER_AGENT_TOKEN is not taken from \`${tokenRef}\`: the agent started by this container cannot authenticate to Coder, and the workspace stays "connecting" forever.`,
          fix: replaceTokenFix(c, entry.valueNode, tokenRef),
        });
        continue;
      }
      report({
        file: c.file,
        range: c.file.rangeOfOffsets(init.start, init.traversal.steps[1].node.endIndex),
        message: `This container runs \`coder_agent.${agent}.init_script\` but sets no CODER_AGENT_TOKEN: the agent cannot authenticate to Coder and the workspace never connects. Pass \`${tokenRef}\`.`,
        fix: addTokenFix(c, tokenRef),
      });
    }
  },
};

function replaceTokenFix(c: Container, valueNode: Container['env'][number]['valueNode'], tokenRef: string): Fix | undefined {
  if (!valueNode) return undefined;
  const text = c.platform === 'docker' ? `"CODER_AGENT_TOKEN=\${${tokenRef}}"` : tokenRef;
  return new FixBuilder(`Set CODER_AGENT_TOKEN from \`${tokenRef}\``).replaceNode(c.file, valueNode, text).build();
}

function addTokenFix(c: Container, tokenRef: string): Fix {
  const builder = new FixBuilder(`Add CODER_AGENT_TOKEN = \`${tokenRef}\``);
  if (c.platform === 'docker') {
    const element = `"CODER_AGENT_TOKEN=\${${tokenRef}}"`;
    const tuple = c.envAttribute?.value?.firstNamedChild?.firstNamedChild;
    if (tuple?.type === 'tuple') builder.appendToList(c.file, tuple, element);
    else builder.insertAttribute(c.file, c.block, 'env', `[${element}]`);
  } else {
    builder.insertBlock(c.file, c.block, ['env {', '  name  = "CODER_AGENT_TOKEN"', `  value = ${tokenRef}`, '}']);
  }
  return builder.build();
}
