import { argument } from '../model/coderValues';
import { variablesSetInSkippedFiles } from '../model/pushedFolder';
import { defineRule } from './types';

export const variableWithoutValue = defineRule({
  meta: {
    id: 'variable-without-value',
    defaultSeverity: 'info',
    description: 'A variable without a default needs a value each time the template is pushed (`--variable` or `--variables-file`).',
    fixable: false,
    messages: {
      noDefault:
        '`var.{{name}}` has no default, so Coder needs a value for it when the template is pushed: `coder templates push --variable {{name}}=…` (or `--variables-file`), or the value kept from an earlier version. ' +
        'Without one the import fails with `required template variables need values`.',
    },
    tags: ['push-check'],
  },
  check({ module, report }) {
    // A variable set in a file the CLI skips is file-not-uploaded's finding.
    const setElsewhere = module.folder ? variablesSetInSkippedFiles(module.folder) : new Map<string, string[]>();
    for (const variable of module.declarationsOf('variable')) {
      const label = variable.block?.labelNodes[0];
      const fallback = argument(variable.block, 'default', (n) => n);
      if (!label || fallback.state === 'known' || fallback.state === 'unknown' || setElsewhere.has(variable.name)) continue;
      report({
        file: variable.file,
        range: variable.file.rangeOf(label),
        messageId: 'noDefault',
        data: { name: variable.name },
      });
    }
  },
});
