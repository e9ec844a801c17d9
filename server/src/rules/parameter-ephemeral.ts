import { coderParameters } from '../model/coderParameters';
import { FixBuilder } from './edits';
import { defineRule } from './types';

export const parameterEphemeral = defineRule({
  meta: {
    id: 'parameter-ephemeral',
    defaultSeverity: 'error',
    description: 'An ephemeral `coder_parameter` must be `mutable` and have a `default`.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      mustBeMutable:
        'An ephemeral parameter is asked again on every build, so it must be mutable, and parameters are immutable unless `mutable = true`. ' +
        "The coder provider refuses this one when it plans the template: `parameter can't be immutable and ephemeral`.",
      needsDefault:
        'An ephemeral parameter falls back to its default on every build that does not set it, so it needs a `default`. ' +
        'The coder provider refuses this one when it plans the template: `ephemeral parameter requires the default property`.',
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (p.ephemeral.state !== 'known' || !p.ephemeral.value) continue;
      const file = p.declaration.file;
      const ephemeral = file.rangeOf(p.ephemeral.node);
      const mutable = p.mutable;
      if (mutable.state === 'absent' || mutable.state === 'null' || (mutable.state === 'known' && !mutable.value)) {
        const fix = new FixBuilder('Make it `mutable = true`');
        if (mutable.state === 'absent') fix.insertAttribute(file, p.block, 'mutable', 'true');
        else fix.replaceNode(file, mutable.node, 'true');
        report({
          file,
          range: ephemeral,
          messageId: 'mustBeMutable',
          // Absent or null, nothing was chosen; a written-out false is the author's, as much as ephemeral is.
          ...(mutable.state === 'known' ? { suggestions: [fix.build()] } : { fix: fix.build() }),
        });
      }
      if (p.default.state === 'absent' || p.default.state === 'null') {
        report({
          file,
          range: ephemeral,
          messageId: 'needsDefault',
        });
      }
    }
  },
});
