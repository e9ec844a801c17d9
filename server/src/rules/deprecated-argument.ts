import { schemaVisits } from '../model/schemaWalk';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';

/** Deprecations a rule of their own reports, with more to say (and a fix). */
const COVERED = new Set(['resource.coder_agent.dir']);

export const deprecatedArgument: Rule = {
  meta: {
    id: 'deprecated-argument',
    defaultSeverity: 'warning',
    description: 'An argument or block the provider release in use marks as deprecated.',
    fixable: false,
  },
  check({ module, report }) {
    for (const { file, ctx, attributes, blocks } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body || !ctx.owner || ctx.language) continue;
      const release = ctx.choice?.release;
      const base = [ctx.owner.kind, ctx.owner.type, ...ctx.owner.path];
      const say = (name: string, what: string) =>
        `\`${name}\` is deprecated${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` warns on every build, and a later release may remove the ${what}. See its documentation for what replaces it.`;
      for (const a of attributes) {
        if (!ctx.body.attributes.get(a.name)?.deprecated || COVERED.has([...base, a.name].join('.'))) continue;
        report({ file, range: file.rangeOf(a.nameNode), message: say(a.name, 'argument') });
      }
      for (const b of blocks) {
        if (!ctx.body.blocks.get(b.type)?.deprecated || COVERED.has([...base, b.type].join('.'))) continue;
        report({ file, range: file.rangeOf(b.typeNode), message: say(b.type, 'block') });
      }
    }
  },
};
