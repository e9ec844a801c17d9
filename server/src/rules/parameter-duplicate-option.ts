import { coderParameters, ParameterOption } from '../model/coderParameters';
import { repeats } from '../model/coderResources';
import type { SyntaxNode } from '../model/parser';
import type { Rule } from './types';

export const parameterDuplicateOption: Rule = {
  meta: {
    id: 'parameter-duplicate-option',
    defaultSeverity: 'error',
    description: 'Two `option` blocks of one `coder_parameter` with the same `name` or the same `value`.',
    fixable: false,
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (!p.options) continue;
      const file = p.declaration.file;
      const checks: Array<{ what: 'name' | 'value'; summary: string; key: (o: ParameterOption) => string | undefined; node: (o: ParameterOption) => SyntaxNode | undefined }> = [
        { what: 'name', summary: 'Option names must be unique.', key: (o) => o.name, node: (o) => o.nameNode },
        { what: 'value', summary: 'Option values must be unique.', key: (o) => o.value, node: (o) => o.valueNode },
      ];
      for (const { what, summary, key, node } of checks) {
        for (const { item, first } of repeats(p.options, key)) {
          const at = node(item);
          if (!at) continue;
          const line = file.positionAt(first.block.node.startIndex).line + 1;
          report({
            file,
            range: file.rangeOf(at),
            message:
              `The option on line ${line} already has the ${what} ${JSON.stringify(key(item))}: users could not tell the two apart${what === 'value' ? ', nor Coder which one was chosen' : ''}. ` +
              `The coder provider refuses it when it plans the template: \`${summary} multiple options found with the same ${what} ${JSON.stringify(key(item))}\`.`,
          });
        }
      }
    }
  },
};
