import { FixBuilder } from './edits';
import { defineRule } from './types';
import { blockSkeleton, releaseLabel } from './util/schema';
import { type FixEnv, headerSpan, Kept, reportKept, type StatementView } from './util/statements';

const INSUFFICIENT = '`terraform plan` stops with "Insufficient {{name}} blocks".';

const messages = {
  missingBlock: `A \`{{name}}\` block is required here by {{release}}: ${INSUFFICIENT}`,
  tooFewBlocksOne: `At least {{min}} \`{{name}}\` blocks are required here; there is 1: ${INSUFFICIENT}`,
  tooFewBlocks: `At least {{min}} \`{{name}}\` blocks are required here; there are {{count}}: ${INSUFFICIENT}`,
};
type MessageId = keyof typeof messages;

export const missingRequiredBlock = defineRule({
  meta: {
    id: 'missing-required-block',
    defaultSeverity: 'error',
    description: 'A resource, data source or block lacks a nested block the provider release in use requires.',
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
  for (const [vi, { block, ctx, blocks }] of view.visits().entries()) {
    if (!ctx.checked || !ctx.body) continue;
    for (const nested of ctx.body.blocks.values()) {
      if (nested.minItems === 0) continue;
      // A dynamic block of this type makes an unknown number of them.
      if (blocks.some((b) => b.type === 'dynamic' && b.labels[0] === nested.name)) continue;
      const count = blocks.filter((b) => b.type === nested.name).length;
      if (count >= nested.minItems) continue;
      const release = ctx.choice?.release;
      // A checked body without a provider release is one of Terraform's own blocks, and none of those
      // requires a block (schema/language.ts; a `dynamic` block's `content` goes with its provider's release).
      if (!release) continue;
      const skeleton = blockSkeleton(nested.name, nested.block);
      const guesses = skeleton.some((line) => line.includes(' = '));
      const add = ({ file, visits }: FixEnv) => new FixBuilder(`Add a \`${nested.name}\` block`).insertBlock(file, visits()[vi]!.block, skeleton).build();
      found.push({
        span: headerSpan(view, block),
        ...(count === 0
          ? { messageId: 'missingBlock', data: { name: nested.name, release: releaseLabel(release) } }
          : { messageId: count === 1 ? 'tooFewBlocksOne' : 'tooFewBlocks', data: { name: nested.name, min: nested.minItems, count } }),
        // An empty block settles nothing; one with required arguments holds placeholders: a suggestion.
        fix: count === 0 && !guesses ? add : undefined,
        suggestions: count === 0 && guesses ? (env) => [add(env)] : undefined,
      });
    }
  }
  return found;
}
