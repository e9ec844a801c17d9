import type { Rule } from './types';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

export const tooManyBlocks: Rule = {
  meta: {
    id: 'too-many-blocks',
    defaultSeverity: 'error',
    description: 'More nested blocks of one type than the provider release in use allows (e.g. two `spec` blocks).',
    fixable: false,
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
};

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept[] {
  const found: Kept[] = [];
  for (const { ctx, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body || blocks.length < 2) continue;
    for (const nested of [...ctx.body.blocks.values(), ...(ctx.meta?.blocks.values() ?? [])]) {
      if (nested.maxItems === 0) continue;
      const written = blocks.filter((b) => b.type === nested.name);
      for (const [i, extra] of written.entries()) {
        if (i < nested.maxItems) continue;
        found.push({
          span: spanOf(view, extra.typeNode),
          message: `Only ${nested.maxItems === 1 ? 'one' : nested.maxItems} \`${nested.name}\` block${nested.maxItems === 1 ? ' is' : 's are'} allowed here; this is number ${i + 1}: \`terraform plan\` stops with "Too many ${nested.name} blocks". Merge its contents into the first.`,
        });
      }
    }
  }
  return found;
}
