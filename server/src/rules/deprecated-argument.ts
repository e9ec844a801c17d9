import { defineRule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

/** Deprecations a rule of their own reports, with more to say (and a fix). */
const COVERED = new Set(['resource.coder_agent.dir']);

const messages = {
  deprecatedArgument:
    '`{{name}}` is deprecated in {{release}}: `terraform plan` warns on every build, and a later release may remove the argument. See its documentation for what replaces it.',
  deprecatedBlock:
    '`{{name}}` is deprecated in {{release}}: `terraform plan` warns on every build, and a later release may remove the block. See its documentation for what replaces it.',
};
type MessageId = keyof typeof messages;

export const deprecatedArgument = defineRule({
  meta: {
    id: 'deprecated-argument',
    defaultSeverity: 'warning',
    description: 'An argument or block the provider release in use marks as deprecated.',
    fixable: false,
    messages,
    tags: ['schema', 'deprecated'],
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
});

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept<MessageId>[] {
  const found: Kept<MessageId>[] = [];
  for (const { ctx, attributes, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body || !ctx.owner || ctx.language) continue;
    const owner = ctx.owner;
    // A checked body of a resource or data source always has its provider's release chosen (schema/lookup.ts).
    const release = ctx.choice?.release;
    if (!release) continue;
    const covered = (name: string) => COVERED.has([owner.kind, owner.type, ...owner.path, name].join('.'));
    const data = (name: string) => ({ name, release: releaseLabel(release) });
    for (const a of attributes) if (ctx.body.attributes.get(a.name)?.deprecated && !covered(a.name)) found.push({ span: spanOf(view, a.nameNode), messageId: 'deprecatedArgument', data: data(a.name) });
    for (const b of blocks) if (ctx.body.blocks.get(b.type)?.deprecated && !covered(b.type)) found.push({ span: spanOf(view, b.typeNode), messageId: 'deprecatedBlock', data: data(b.type) });
  }
  return found;
}
