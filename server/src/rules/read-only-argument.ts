import { schemaVisits } from '../model/schemaWalk';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { releaseLabel } from './util/schema';

export const readOnlyArgument: Rule = {
  meta: {
    id: 'read-only-argument',
    defaultSeverity: 'error',
    description: 'An attribute the provider computes (read-only) is assigned in the configuration.',
    fixable: true,
  },
  check({ module, report }) {
    for (const { file, block, ctx, attributes } of schemaVisits(module)) {
      if (!ctx.checked || !ctx.body) continue;
      for (const a of attributes) {
        const schema = ctx.body.attributes.get(a.name);
        if (!schema || schema.required || schema.optional || !schema.computed) continue;
        const release = ctx.choice?.release;
        report({
          file,
          range: file.rangeOf(a.nameNode),
          message:
            `\`${a.name}\` is read-only${release ? ` in ${releaseLabel(release)}` : ''}: the provider sets it, and \`terraform plan\` stops with "Invalid Configuration for Read-Only Attribute". ` +
            `Read it elsewhere as a reference instead of assigning it.`,
          fix: new FixBuilder(`Remove \`${a.name}\``).removeAttribute(file, block, a).build(),
        });
      }
    }
  },
};
