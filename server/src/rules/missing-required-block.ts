import { FixBuilder } from './edits';
import type { Rule } from './types';
import { blockSkeleton, releaseLabel } from './util/schema';
import { type FixEnv, headerSpan, Kept, reportKept, type StatementView } from './util/statements';

export const missingRequiredBlock: Rule = {
  meta: {
    id: 'missing-required-block',
    defaultSeverity: 'error',
    description: 'A resource, data source or block lacks a nested block the provider release in use requires.',
    fixable: true,
    hasSuggestions: true,
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
};

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept[] {
  const found: Kept[] = [];
  for (const [vi, { block, ctx, blocks }] of view.visits().entries()) {
    if (!ctx.checked || !ctx.body) continue;
    for (const nested of ctx.body.blocks.values()) {
      if (nested.minItems === 0) continue;
      // A dynamic block of this type makes an unknown number of them.
      if (blocks.some((b) => b.type === 'dynamic' && b.labels[0] === nested.name)) continue;
      const count = blocks.filter((b) => b.type === nested.name).length;
      if (count >= nested.minItems) continue;
      const release = ctx.choice?.release;
      const skeleton = blockSkeleton(nested.name, nested.block);
      const guesses = skeleton.some((line) => line.includes(' = '));
      const add = ({ file, visits }: FixEnv) => new FixBuilder(`Add a \`${nested.name}\` block`).insertBlock(file, visits()[vi]!.block, skeleton).build();
      found.push({
        span: headerSpan(view, block),
        message:
          count === 0
            ? `A \`${nested.name}\` block is required here${release ? ` by ${releaseLabel(release)}` : ''}: \`terraform plan\` stops with "Insufficient ${nested.name} blocks".`
            : `At least ${nested.minItems} \`${nested.name}\` blocks are required here; there ${count === 1 ? 'is' : 'are'} ${count}: \`terraform plan\` stops with "Insufficient ${nested.name} blocks".`,
        // An empty block settles nothing; one with required arguments holds placeholders: a suggestion.
        fix: count === 0 && !guesses ? add : undefined,
        suggestions: count === 0 && guesses ? (env) => [add(env)] : undefined,
      });
    }
  }
  return found;
}
