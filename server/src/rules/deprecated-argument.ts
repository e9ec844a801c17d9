import type { Rule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

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
    reportKept(module, find, report);
  },
};

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept[] {
  const found: Kept[] = [];
  for (const { ctx, attributes, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body || !ctx.owner || ctx.language) continue;
    const owner = ctx.owner;
    const release = ctx.choice?.release;
    const covered = (name: string) => COVERED.has([owner.kind, owner.type, ...owner.path, name].join('.'));
    const say = (name: string, what: string) =>
      `\`${name}\` is deprecated${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` warns on every build, and a later release may remove the ${what}. See its documentation for what replaces it.`;
    for (const a of attributes) if (ctx.body.attributes.get(a.name)?.deprecated && !covered(a.name)) found.push({ span: spanOf(view, a.nameNode), message: say(a.name, 'argument') });
    for (const b of blocks) if (ctx.body.blocks.get(b.type)?.deprecated && !covered(b.type)) found.push({ span: spanOf(view, b.typeNode), message: say(b.type, 'block') });
  }
  return found;
}
