import { nearestName } from '../model/names';
import { settableAttributes } from '../schema';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

export const unknownArgument: Rule = {
  meta: {
    id: 'unknown-argument',
    defaultSeverity: 'error',
    description: 'An argument the resource, data source, block or provider does not take in the provider release in use.',
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
  for (const [vi, { block, ctx, attributes }] of view.visits().entries()) {
    if (!ctx.checked || !ctx.body) continue;
    for (const [ai, a] of attributes.entries()) {
      if (ctx.body.attributes.has(a.name) || ctx.meta?.attributes.has(a.name)) continue;
      const release = ctx.choice?.release;
      const where = ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${block.type}\` block`;
      const span = spanOf(view, a.nameNode);
      if (ctx.body.blocks.has(a.name) || ctx.meta?.blocks.has(a.name)) {
        found.push({ span, message: `\`${a.name}\` is a block in ${where}, not an argument: write \`${a.name} { … }\` without \`=\`. Terraform stops with "Unsupported argument".` });
        continue;
      }
      const owner = ctx.owner;
      const removal = release && owner ? release.removals.find((r) => r.path === `${owner.kind}.${[owner.type, ...owner.path, a.name].join('.')}`) : undefined;
      const candidates = [...settableAttributes(ctx.body, !!owner && owner.path.length === 0), ...(ctx.meta ? settableAttributes(ctx.meta) : [])].map((x) => x.name);
      const near = removal ? undefined : nearestName(a.name, candidates.filter((n) => !attributes.some((x) => x.name === n)));
      let message = `${where} takes no argument \`${a.name}\`${release ? ` in ${releaseLabel(release)}` : ''}: \`terraform plan\` stops with "Unsupported argument".`;
      if (removal) message += ` It was removed ${removal.removed_in ? `in ${removal.removed_in}` : `after ${removal.last_seen}`}${removal.replacement ? `; use \`${removal.replacement}\` instead` : ''}.`;
      if (near) message += ` Did you mean \`${near}\`?`;
      found.push({
        span,
        message,
        fix: near ? ({ file, base }) => new FixBuilder(`Change to \`${near}\``).replace(file, base + span[0], base + span[1], near).build() : undefined,
        suggestions: removal
          ? ({ file, visits }) => {
              const v = visits()[vi]!;
              return [new FixBuilder(`Remove \`${a.name}\``).removeAttribute(file, v.block, v.attributes[ai]!).build()];
            }
          : undefined,
      });
    }
  }
  return found;
}
