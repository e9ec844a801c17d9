import { coderParameters, ParameterOption } from '../model/coderParameters';
import { repeats } from '../model/coderResources';
import type { SyntaxNode } from '../model/parser';
import { defineRule } from './types';

export const parameterDuplicateOption = defineRule({
  meta: {
    id: 'parameter-duplicate-option',
    defaultSeverity: 'error',
    description: 'Two `option` blocks of one `coder_parameter` with the same `name` or the same `value`.',
    fixable: false,
    messages: {
      duplicateName:
        'The option on line {{line}} already has the name {{name}}: users could not tell the two apart. ' +
        'The coder provider refuses it when it plans the template: `Option names must be unique. multiple options found with the same name {{name}}`.',
      duplicateValue:
        'The option on line {{line}} already has the value {{value}}: users could not tell the two apart, nor Coder which one was chosen. ' +
        'The coder provider refuses it when it plans the template: `Option values must be unique. multiple options found with the same value {{value}}`.',
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (!p.options) continue;
      const file = p.declaration.file;
      const checks: Array<{ what: 'name' | 'value'; messageId: 'duplicateName' | 'duplicateValue'; key: (o: ParameterOption) => string | undefined; node: (o: ParameterOption) => SyntaxNode | undefined }> = [
        { what: 'name', messageId: 'duplicateName', key: (o) => o.name, node: (o) => o.nameNode },
        { what: 'value', messageId: 'duplicateValue', key: (o) => o.value, node: (o) => o.valueNode },
      ];
      for (const { what, messageId, key, node } of checks) {
        for (const { item, first } of repeats(p.options, key)) {
          const at = node(item);
          if (!at) continue;
          const line = file.positionAt(first.block.node.startIndex).line + 1;
          report({
            file,
            range: file.rangeOf(at),
            messageId,
            data: { line, [what]: JSON.stringify(key(item)) },
          });
        }
      }
    }
  },
});
