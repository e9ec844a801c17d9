import { nearestName } from '../model/names';
import type { SchemaContext } from '../schema';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

export const unknownBlock: Rule = {
  meta: {
    id: 'unknown-block',
    defaultSeverity: 'error',
    description: 'A nested block type the resource, data source or block does not have in the provider release in use.',
    fixable: true,
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
};

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept[] {
  const found: Kept[] = [];
  const rename = (span: [number, number], near: string) => ({ file, base }: { file: Parameters<FixBuilder['replace']>[0]; base: number }) =>
    new FixBuilder(`Change to \`${near}\``).replace(file, base + span[0], base + span[1], near).build();
  for (const { block, ctx, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body) continue;
    const body = ctx.body;
    for (const nested of blocks) {
      if (nested.type === 'dynamic') {
        const label = nested.labels[0];
        const node = nested.labelNodes[0];
        if (label === undefined || !node || body.blocks.has(label) || ctx.meta?.blocks.has(label)) continue;
        const near = nearestName(label, body.blocks.keys());
        const quoted = node.type === 'string_lit';
        const span = spanOf(view, node, quoted ? 1 : 0);
        found.push({
          span,
          message: `${where(ctx, block.type)} has no block type \`${label}\` for this \`dynamic\` block to make: \`terraform plan\` stops with "Unsupported block type".${near ? ` Did you mean \`${near}\`?` : ''}`,
          fix: near && quoted ? rename(span, near) : undefined,
        });
        continue;
      }
      if (body.blocks.has(nested.type) || ctx.meta?.blocks.has(nested.type)) continue;
      const span = spanOf(view, nested.typeNode);
      const attribute = body.attributes.get(nested.type) ?? ctx.meta?.attributes.get(nested.type);
      if (attribute) {
        // `labels { a = "b" }` for a map argument: the same value written as an assignment.
        const mapLike = typeof attribute.type !== 'string' && (attribute.type[0] === 'map' || attribute.type[0] === 'object') && nested.labels.length === 0;
        found.push({
          span,
          message: `\`${nested.type}\` is an argument of ${where(ctx, block.type)}, not a block: write \`${nested.type} = …\`. Terraform stops with "Unsupported block type".`,
          fix: mapLike ? ({ file, base }) => new FixBuilder(`Write \`${nested.type} = { … }\``).replace(file, base + span[1], base + span[1], ' =').build() : undefined,
        });
        continue;
      }
      const near = nearestName(nested.type, [...body.blocks.keys(), ...(ctx.meta?.blocks.keys() ?? [])]);
      const release = ctx.choice?.release;
      found.push({
        span,
        message: `${where(ctx, block.type)} has no block type \`${nested.type}\`${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` stops with "Unsupported block type".${near ? ` Did you mean \`${near}\`?` : ''}`,
        fix: near ? rename(span, near) : undefined,
      });
    }
  }
  return found;
}

function where(ctx: SchemaContext, blockType: string): string {
  return ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${blockType}\` block`;
}
