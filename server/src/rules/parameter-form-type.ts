import { coderParameters } from '../model/coderParameters';
import { checkFormType } from '../model/parameterValidation';
import { defineRule } from './types';

// {{allowed}} lists the form types that fit, and {{error}} is the provider's reason, both from checkFormType.
const REFUSED = ' The coder provider refuses this one when it plans the template: `Invalid form_type for parameter: {{error}}`.';

/** The provider's `form_type` values; any other is a plain enum error, reported by the schema rules. */
const FORM_TYPES = new Set(['radio', 'slider', 'input', 'dropdown', 'checkbox', 'switch', 'multi-select', 'tag-select', 'textarea', 'error']);

export const parameterFormType = defineRule({
  meta: {
    id: 'parameter-form-type',
    defaultSeverity: 'error',
    description: "A `coder_parameter`'s `form_type` that does not go with its `type`, or with whether it has options.",
    fixable: false,
    messages: {
      withOptions: 'A {{type}} parameter with options takes {{allowed}} as its form type.' + REFUSED,
      withoutOptions: 'A {{type}} parameter without options takes {{allowed}} as its form type.' + REFUSED,
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (!p.type || !p.options || p.formTypeValue.state !== 'known' || !FORM_TYPES.has(p.formTypeValue.value)) continue;
      const outcome = checkFormType(p.type, p.options.length > 0, p.formTypeValue.value);
      if (!('error' in outcome)) continue;
      report({
        file: p.declaration.file,
        range: p.declaration.file.rangeOf(p.formTypeValue.node),
        messageId: p.options.length > 0 ? 'withOptions' : 'withoutOptions',
        data: { type: p.type, allowed: outcome.allowed.map((f) => `\`${f}\``).join(' or '), error: outcome.error },
      });
    }
  },
});
