import { isLiteral } from '../model/facts/values';
import { FixBuilder } from './edits';
import { defineRule } from './types';
import { releaseLabel } from './util/schema';
import { type FixEnv, Kept, reportKept, spanOf, type StatementView } from './util/statements';

const messages = {
  readOnly:
    '`{{name}}` is read-only in {{release}}: the provider sets it, and `terraform plan` stops with "Invalid Configuration for Read-Only Attribute". ' +
    'Read it elsewhere as a reference instead of assigning it.',
};
type MessageId = keyof typeof messages;

export const readOnlyArgument = defineRule({
  meta: {
    id: 'read-only-argument',
    defaultSeverity: 'error',
    description: 'An attribute the provider computes (read-only) is assigned in the configuration.',
    fixable: true,
    hasSuggestions: true,
    messages,
    tags: ['schema', 'push-check'],
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
});

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept<MessageId>[] {
  const found: Kept<MessageId>[] = [];
  for (const [vi, { ctx, attributes }] of view.visits().entries()) {
    // Without a provider release the body is one of Terraform's own blocks, whose arguments are all
    // settable (schema/language.ts).
    const release = ctx.choice?.release;
    if (!ctx.checked || !ctx.body || !release) continue;
    for (const [ai, a] of attributes.entries()) {
      const schema = ctx.body.attributes.get(a.name);
      if (!schema || schema.required || schema.optional || !schema.computed) continue;
      const remove = ({ file, visits }: FixEnv) => {
        const v = visits()[vi]!;
        return new FixBuilder(`Remove \`${a.name}\``).removeAttribute(file, v.block, v.attributes[ai]!).build();
      };
      found.push({
        span: spanOf(view, a.nameNode),
        messageId: 'readOnly',
        data: { name: a.name, release: releaseLabel(release) },
        // A literal can only go; an expression (`token = var.token`) is the author's intent that needs
        // another home (an env var, a reference elsewhere), so dropping it is only suggested.
        ...(isLiteral(a.value) ? { fix: remove } : { suggestions: (env: FixEnv) => [remove(env)] }),
      });
    }
  }
  return found;
}
