import { Container, EnvEntry, envIsOpaque } from '../model/containers';
import { ValueReader, valuesOf } from '../model/facts/reader';
import { isLiteral } from '../model/facts/values';
import { FixBuilder } from './edits';
import { addEnvEntries } from './fixes/env';
import { defineRule, Fix } from './types';

export const agentTokenMissing = defineRule({
  meta: {
    id: 'agent-token-missing',
    defaultSeverity: 'error',
    description: 'A container runs a Coder agent\'s init_script but does not pass that agent\'s token as CODER_AGENT_TOKEN.',
    fixable: true,
    messages: {
      wrongToken:
        'CODER_AGENT_TOKEN is not taken from `{{tokenRef}}`: the agent started by this container cannot authenticate to Coder, and the workspace stays "connecting" forever.',
      missingToken:
        'This container runs `coder_agent.{{agent}}.init_script` but sets no CODER_AGENT_TOKEN: the agent cannot authenticate to Coder and the workspace never connects. Pass `{{tokenRef}}`.',
    },
    tags: ['docker', 'kubernetes', 'agent'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    for (const c of facts.containers) {
      const init = c.agentReferences.find((r) => r.traversal.steps[1]?.name === 'init_script');
      if (!init) continue;
      const agent = init.name.slice('coder_agent.'.length);
      const tokenRef = `coder_agent.${agent}.token`;
      const entry = c.env.find((e) => e.name === 'CODER_AGENT_TOKEN');
      if (entry) {
        if (!knownWithoutToken(reader, entry, agent)) continue;
        report({
          file: c.file,
          range: c.file.rangeOf(entry.node),
          messageId: 'wrongToken',
          data: { tokenRef },
          fix: replaceTokenFix(c, entry, tokenRef),
        });
        continue;
      }
      // An env with entries that cannot be seen (a variable, a `for`, a dynamic block over a variable) may hold it.
      if (envIsOpaque(c)) continue;
      report({
        file: c.file,
        range: c.file.rangeOfOffsets(init.start, init.traversal.steps[1].node.endIndex),
        messageId: 'missingToken',
        data: { agent, tokenRef },
        fix: addTokenFix(c, tokenRef),
      });
    }
  },
});

/**
 * Whether the entry's value is known not to be the agent's token: its expression (through locals and the
 * dynamic block it comes from) never mentions `coder_agent.<agent>` with `.token`, and is a literal or
 * reads to a known value. A value the reader cannot see (`var.token`, a data source) is not reported.
 */
function knownWithoutToken(reader: ValueReader, entry: EnvEntry, agent: string): boolean {
  if (entry.valueFrom) return false;
  const token = new RegExp(`\\bcoder_agent\\s*\\.\\s*${agent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\[[^\\]]*\\]\\s*)?\\.\\s*token\\b`);
  if (reader.mentions(entry.valueNode, token, entry.scope)) return false;
  return entry.value !== undefined;
}

/** Replaces a value written right there as a literal; a value from a local, a function or a dynamic block is left to the user. */
function replaceTokenFix(c: Container, entry: EnvEntry, tokenRef: string): Fix | undefined {
  const valueNode = entry.valueNode;
  if (!valueNode || !entry.inPlace || !isLiteral(valueNode)) return undefined;
  const text = c.platform === 'docker' ? `"CODER_AGENT_TOKEN=\${${tokenRef}}"` : tokenRef;
  return new FixBuilder(`Set CODER_AGENT_TOKEN from \`${tokenRef}\``).replaceNode(c.file, valueNode, text).build();
}

/** Adds to a docker `env` written out as a list (or creates it), or adds an env block on Kubernetes. */
function addTokenFix(c: Container, tokenRef: string): Fix | undefined {
  const builder = new FixBuilder(`Add CODER_AGENT_TOKEN = \`${tokenRef}\``);
  return addEnvEntries(builder, c, [{ name: 'CODER_AGENT_TOKEN', value: tokenRef }]) ? builder.build() : undefined;
}
