import { schemaVisits } from '../model/schemaWalk';
import { nearestName } from '../model/names';
import { settableAttributes } from '../schema';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';

export const unknownArgument: Rule = {
  meta: {
    id: 'unknown-argument',
    defaultSeverity: 'error',
    description: 'An argument the resource, data source, block or provider does not take in the provider release in use.',
    fixable: true,
    hasSuggestions: true,
  },
  check({ module, report }) {
    for (const { file, block, ctx, attributes } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body) continue;
      for (const a of attributes) {
        if (ctx.body.attributes.has(a.name) || ctx.meta?.attributes.has(a.name)) continue;
        const release = ctx.choice?.release;
        const where = ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${block.type}\` block`;
        const range = file.rangeOf(a.nameNode);
        if (ctx.body.blocks.has(a.name) || ctx.meta?.blocks.has(a.name)) {
          report({ file, range, message: `\`${a.name}\` is a block in ${where}, not an argument: write \`${a.name} { … }\` without \`=\`. Terraform stops with "Unsupported argument".` });
          continue;
        }
        const removal = release && ctx.owner ? release.removals.find((r) => r.path === `${ctx.owner!.kind}.${[ctx.owner!.type, ...ctx.owner!.path, a.name].join('.')}`) : undefined;
        const candidates = [...settableAttributes(ctx.body, !!ctx.owner && ctx.owner.path.length === 0), ...(ctx.meta ? settableAttributes(ctx.meta) : [])].map((x) => x.name);
        const near = removal ? undefined : nearestName(a.name, candidates.filter((n) => !attributes.some((x) => x.name === n)));
        let message = `${where} takes no argument \`${a.name}\`${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` stops with "Unsupported argument".`;
        if (removal) message += ` It was removed ${removal.removed_in ? `in ${removal.removed_in}` : `after ${removal.last_seen}`}${removal.replacement ? `; use \`${removal.replacement}\` instead` : ''}.`;
        if (near) message += ` Did you mean \`${near}\`?`;
        report({
          file,
          range,
          message,
          fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(file, a.nameNode, near).build() : undefined,
          suggestions: removal ? [new FixBuilder(`Remove \`${a.name}\``).removeAttribute(file, block, a).build()] : undefined,
        });
      }
    }
  },
};
