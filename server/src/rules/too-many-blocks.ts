import { defineRule } from './types';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

const messages = {
  onlyOne: 'Only one `{{name}}` block is allowed here; this is number {{number}}: `terraform plan` stops with "Too many {{name}} blocks". Merge its contents into the first.',
  onlySome: 'Only {{max}} `{{name}}` blocks are allowed here; this is number {{number}}: `terraform plan` stops with "Too many {{name}} blocks". Merge its contents into the first.',
};
type MessageId = keyof typeof messages;

export const tooManyBlocks = defineRule({
  meta: {
    id: 'too-many-blocks',
    defaultSeverity: 'error',
    description: 'More nested blocks of one type than the provider release in use allows (e.g. two `spec` blocks).',
    fixable: false,
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
  for (const { ctx, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body || blocks.length < 2) continue;
    for (const nested of [...ctx.body.blocks.values(), ...(ctx.meta?.blocks.values() ?? [])]) {
      if (nested.maxItems === 0) continue;
      const written = blocks.filter((b) => b.type === nested.name);
      for (const [i, extra] of written.entries()) {
        if (i < nested.maxItems) continue;
        found.push({
          span: spanOf(view, extra.typeNode),
          messageId: nested.maxItems === 1 ? 'onlyOne' : 'onlySome',
          data: { name: nested.name, max: nested.maxItems, number: i + 1 },
        });
      }
    }
  }
  return found;
}
