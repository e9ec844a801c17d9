import { schemaVisits } from '../model/schemaWalk';
import { nearestName } from '../model/names';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';

export const unknownBlock: Rule = {
  meta: {
    id: 'unknown-block',
    defaultSeverity: 'error',
    description: 'A nested block type the resource, data source or block does not have in the provider release in use.',
    fixable: true,
  },
  check({ module, report }) {
    for (const { file, block, ctx, blocks } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body) continue;
      for (const nested of blocks) {
        if (nested.type === 'dynamic') {
          const label = nested.labels[0];
          const node = nested.labelNodes[0];
          if (label === undefined || !node || ctx.body.blocks.has(label) || ctx.meta?.blocks.has(label)) continue;
          const near = nearestName(label, ctx.body.blocks.keys());
          report({
            file,
            range: file.rangeOfOffsets(node.startIndex + (node.type === 'string_lit' ? 1 : 0), node.endIndex - (node.type === 'string_lit' ? 1 : 0)),
            message: `${where(ctx, block.type)} has no block type \`${label}\` for this \`dynamic\` block to make: \`terraform plan\` stops with "Unsupported block type".${near ? ` Did you mean \`${near}\`?` : ''}`,
            fix: near && node.type === 'string_lit' ? new FixBuilder(`Change to \`${near}\``).replace(file, node.startIndex + 1, node.endIndex - 1, near).build() : undefined,
          });
          continue;
        }
        if (ctx.body.blocks.has(nested.type) || ctx.meta?.blocks.has(nested.type)) continue;
        const range = file.rangeOf(nested.typeNode);
        const attribute = ctx.body.attributes.get(nested.type) ?? ctx.meta?.attributes.get(nested.type);
        if (attribute) {
          // `labels { a = "b" }` for a map argument: the same value written as an assignment.
          const mapLike = typeof attribute.type !== 'string' && (attribute.type[0] === 'map' || attribute.type[0] === 'object') && nested.labels.length === 0;
          report({
            file,
            range,
            message: `\`${nested.type}\` is an argument of ${where(ctx, block.type)}, not a block: write \`${nested.type} = …\`. Terraform stops with "Unsupported block type".`,
            fix: mapLike ? new FixBuilder(`Write \`${nested.type} = { … }\``).replace(file, nested.typeNode.endIndex, nested.typeNode.endIndex, ' =').build() : undefined,
          });
          continue;
        }
        const near = nearestName(nested.type, [...ctx.body.blocks.keys(), ...(ctx.meta?.blocks.keys() ?? [])]);
        const release = ctx.choice?.release;
        report({
          file,
          range,
          message: `${where(ctx, block.type)} has no block type \`${nested.type}\`${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` stops with "Unsupported block type".${near ? ` Did you mean \`${near}\`?` : ''}`,
          fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(file, nested.typeNode, near).build() : undefined,
        });
      }
    }
  },
};

function where(ctx: { owner?: { type: string; path: string[] }; language?: string }, blockType: string): string {
  return ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${blockType}\` block`;
}
