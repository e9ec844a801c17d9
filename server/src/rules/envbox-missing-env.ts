import { Container, containerHeader, containerLabel, envIsOpaque } from '../model/containers';
import type { TemplateModule } from '../model/module';
import { FixBuilder } from './edits';
import { isReferenceName } from '../model/syntax';
import { addEnvEntries } from './fixes/env';
import { defineRule, Fix } from './types';

/** The variables envbox cannot start without, and what each one is for (for the message). */
const REQUIRED = [
  ['CODER_INNER_IMAGE', 'the image of the inner workspace container'],
  ['CODER_INNER_USERNAME', 'the user the workspace runs as'],
  ['CODER_AGENT_TOKEN', 'the token the agent inside uses to reach Coder'],
] as const;

const DEFAULT_INNER_IMAGE = '"codercom/enterprise-base:ubuntu"';

export const envboxMissingEnv = defineRule({
  meta: {
    id: 'envbox-missing-env',
    defaultSeverity: 'error',
    description: 'An envbox container must set CODER_INNER_IMAGE, CODER_INNER_USERNAME and CODER_AGENT_TOKEN.',
    fixable: true,
    // `names` and `purposes` are lists built from REQUIRED: which of them are missing varies.
    messages: {
      missingVariable:
        '{{container}} runs envbox without {{names}} ({{purposes}}): envbox cannot create the inner workspace container without it, so the workspace never comes up.',
      missingVariables:
        '{{container}} runs envbox without {{names}} ({{purposes}}): envbox cannot create the inner workspace container without them, so the workspace never comes up.',
    },
    tags: ['envbox', 'docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    for (const c of facts.containers) {
      if (!c.isEnvbox || envIsOpaque(c)) continue;
      const missing = REQUIRED.filter(([name]) => !c.env.some((e) => e.name === name));
      if (!missing.length) continue;
      const names = missing.map(([name]) => name);
      const header = containerHeader(c);
      report({
        file: c.file,
        range: c.imageNode ? c.file.rangeOf(c.imageNode) : c.file.rangeOfOffsets(header.start, header.end),
        messageId: missing.length === 1 ? 'missingVariable' : 'missingVariables',
        data: { container: containerLabel(c, true), names: list(names.map((n) => `\`${n}\``)), purposes: missing.map(([, why]) => why).join('; ') },
        fix: missingEnvFix(module, c, names),
      });
    }
  },
});

function missingEnvFix(module: TemplateModule, c: Container, names: string[]): Fix | undefined {
  const agent = agentOf(module, c);
  const values: Record<string, string | undefined> = {
    CODER_INNER_IMAGE: innerImageValue(module),
    CODER_INNER_USERNAME: '"coder"',
    CODER_AGENT_TOKEN: agent && `coder_agent.${agent}.token`,
  };
  // Without a single agent to take the token from, no value would be right: offer no fix.
  if (names.some((n) => values[n] === undefined)) return undefined;
  const entries = names.map((name) => ({ name, value: values[name] as string }));
  const builder = new FixBuilder(`Add ${names.join(', ')}`);
  return addEnvEntries(builder, c, entries) ? builder.build() : undefined;
}

/**
 * A variable that plainly holds the inner image (`var.image`, `var.inner_image`…) when there is exactly one,
 * and its label can be written after `var.` (`variable "\uFFFD_image"` cannot); else the default image.
 */
function innerImageValue(module: TemplateModule): string {
  const candidates = module.declarationsOf('variable').filter((v) => /(^|_)image$/.test(v.name));
  return candidates.length === 1 && isReferenceName(candidates[0].name) ? `var.${candidates[0].name}` : DEFAULT_INNER_IMAGE;
}

/**
 * The agent this container runs (by its references), or the module's only agent. A name taken from a
 * reference is already spelled in an expression; the only agent's label is not, and when it is no
 * identifier (`resource "coder_agent" "\uFFFDme"`), `coder_agent.<label>.token` would not parse: no agent.
 */
function agentOf(module: TemplateModule, c: Container): string | undefined {
  if (c.agentName) return c.agentName;
  const referenced = [...new Set(c.agentReferences.map((r) => r.name.slice('coder_agent.'.length)))];
  if (referenced.length === 1) return referenced[0];
  const agents = module.resources('coder_agent');
  const only = agents.length === 1 ? agents[0].name.slice('coder_agent.'.length) : undefined;
  return only !== undefined && isReferenceName(only) ? only : undefined;
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
