import { providerOnlyBelow } from '../model/providers';
import type { TfFile } from '../model/document';
import { valuesOf } from '../model/facts/reader';
import { isLiteral } from '../model/facts/values';
import { attribute, HclAttribute, HclBlock } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule, Fix } from './types';

/** Values that keep the agent's default (the user's home) and so do not disturb Coder Desktop's file sync. */
const HOME_VALUES = new Set(['', '$HOME', '~']);

/** A home directory written out: removing `dir` then keeps users where they land (the agent starts in the user's home). */
const HOME_LIKE = /^(?:|\$HOME|~|\/root|\/home\/[^/]+)\/?$/;

/**
 * Removing `dir` is the fix when it only names a home directory; when it names another directory (or one the
 * template computes), removing it moves where users land, so it is only a suggestion.
 */
function removal(file: TfFile, block: HclBlock, dir: HclAttribute, value: string | undefined): { fix?: Fix; suggestions?: Fix[] } {
  const home = value !== undefined && HOME_LIKE.test(value);
  const remove = new FixBuilder(home ? 'Remove `dir`' : 'Remove `dir` (users then start in their home directory)').removeAttribute(file, block, dir).build();
  return home ? { fix: remove } : { suggestions: [remove] };
}

export const deprecatedAgentDir = defineRule({
  meta: {
    id: 'deprecated-agent-dir',
    defaultSeverity: 'warning',
    description: '`coder_agent.dir` is deprecated since coder provider 2.17.0.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      notHome:
        '`dir` on `{{agent}}` is deprecated since coder provider 2.17.0 and will be removed: a future provider release will reject this template. ' +
        'A directory other than the home directory also breaks Coder Desktop\'s file sync. Remove it; if users should land elsewhere, point the apps at that folder instead (e.g. code-server\'s `folder`).',
      repeatsDefault:
        '`dir` on `{{agent}}` is deprecated since coder provider 2.17.0 and will be removed: a future provider release will reject this template. ' +
        'It only repeats the default (the user\'s home directory), so removing it changes nothing.',
    },
    tags: ['agent', 'deprecated'],
  },
  check({ module, report }) {
    // A template pinned below 2.17.0 gets no deprecation from its provider; the attribute is still fine there.
    if (providerOnlyBelow(module, 'coder/coder', [2, 17, 0])) return;
    for (const agent of module.resources('coder_agent')) {
      const block = agent.block as HclBlock;
      const dir = attribute(block, 'dir');
      if (!dir) continue;
      const value = valuesOf(module).string(dir.value, agent.file);
      const elsewhere = typeof value !== 'string' || !HOME_VALUES.has(value);
      report({
        file: agent.file,
        range: agent.file.rangeOf(dir.node),
        messageId: elsewhere ? 'notHome' : 'repeatsDefault',
        data: { agent: agent.name },
        ...removal(agent.file, block, dir, isLiteral(dir.value) ? value : undefined),
      });
    }
  },
});
