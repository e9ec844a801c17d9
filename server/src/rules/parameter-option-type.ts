import { coderParameters } from '../model/coderParameters';
import { checkFormType, valueTypeError } from '../model/parameterValidation';
import { FixBuilder } from './edits';
import { defineRule, Fix } from './types';

/** The provider's words; {{error}} is `valueTypeError`'s reason, an open-ended set. */
const REFUSED = ' The coder provider refuses this one when it plans the template: `Option {{option}} with value={{value}} is not of type {{optionType}}: {{error}}`.';

export const parameterOptionType = defineRule({
  meta: {
    id: 'parameter-option-type',
    defaultSeverity: 'error',
    description: "An `option` value that is not of the parameter's type (for `list(string)`, a JSON list, unless the form type is `multi-select`).",
    fixable: false,
    hasSuggestions: true,
    messages: {
      listOption:
        'Each option of a `list(string)` parameter is a whole list, written as JSON (`jsonencode(["a", "b"])`), unless `form_type = "multi-select"` makes every option one item of the list.' +
        REFUSED,
      wrongType: 'Every option of a {{type}} parameter must be a {{type}} value.' + REFUSED,
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (!p.type || p.formType === undefined || !p.options?.length) continue;
      const form = checkFormType(p.type, true, p.formType);
      if ('error' in form) continue;
      const file = p.declaration.file;
      for (const option of p.options) {
        if (option.value === undefined || !option.valueNode) continue;
        const error = valueTypeError(form.optionType, option.value);
        if (!error) continue;
        const listWithoutMultiSelect = p.type === 'list(string)' && form.formType !== 'multi-select';
        const suggestions: Fix[] = [];
        if (listWithoutMultiSelect && p.formTypeValue.state === 'absent') {
          suggestions.push(new FixBuilder('Let users pick several options: `form_type = "multi-select"`').insertAttribute(file, p.block, 'form_type', '"multi-select"').build());
        }
        report({
          file,
          range: file.rangeOf(option.valueNode),
          messageId: listWithoutMultiSelect ? 'listOption' : 'wrongType',
          data: {
            type: p.type,
            option: option.name !== undefined ? JSON.stringify(option.name) : '…',
            value: JSON.stringify(option.value),
            optionType: JSON.stringify(form.optionType),
            error,
          },
          suggestions,
        });
      }
    }
  },
});
