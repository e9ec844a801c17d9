import { schemaVisits } from '../model/schemaWalk';
import type { Rule } from './types';

export const tooManyBlocks: Rule = {
  meta: {
    id: 'too-many-blocks',
    defaultSeverity: 'error',
    description: 'More nested blocks of one type than the provider release in use allows (e.g. two `spec` blocks).',
    fixable: false,
  },
  check({ module, report }) {
    for (const { file, ctx, blocks } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body) continue;
      for (const nested of [...ctx.body.blocks.values(), ...(ctx.meta?.blocks.values() ?? [])]) {
        if (nested.maxItems === 0) continue;
        const written = blocks.filter((b) => b.type === nested.name);
        if (written.length <= nested.maxItems) continue;
        for (const extra of written.slice(nested.maxItems)) {
          report({
            file,
            range: file.rangeOf(extra.typeNode),
            message: `Only ${nested.maxItems === 1 ? 'one' : nested.maxItems} \`${nested.name}\` block${nested.maxItems === 1 ? ' is' : 's are'} allowed here; this is number ${written.indexOf(extra) + 1}: \`terraform plan\` stops with "Too many ${nested.name} blocks". Merge its contents into the first.`,
          });
        }
      }
    }
  },
};
