import { coderParameters } from '../model/coderParameters';
import { checkFormType } from '../model/parameterValidation';
import type { Rule } from './types';

/** The provider's `form_type` values; any other is a plain enum error, reported by the schema rules. */
const FORM_TYPES = new Set(['radio', 'slider', 'input', 'dropdown', 'checkbox', 'switch', 'multi-select', 'tag-select', 'textarea', 'error']);

export const parameterFormType: Rule = {
  meta: {
    id: 'parameter-form-type',
    defaultSeverity: 'error',
    description: "A `coder_parameter`'s `form_type` that does not go with its `type`, or with whether it has options.",
    fixable: false,
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      if (!p.type || !p.options || p.formTypeValue.state !== 'known' || !FORM_TYPES.has(p.formTypeValue.value)) continue;
      const outcome = checkFormType(p.type, p.options.length > 0, p.formTypeValue.value);
      if (!('error' in outcome)) continue;
      report({
        file: p.declaration.file,
        range: p.declaration.file.rangeOf(p.formTypeValue.node),
        message:
          `A ${p.type} parameter ${p.options.length > 0 ? 'with' : 'without'} options takes ${outcome.allowed.map((f) => `\`${f}\``).join(' or ')} as its form type. ` +
          `The coder provider refuses this one when it plans the template: \`Invalid form_type for parameter: ${outcome.error}\`.`,
      });
    }
  },
};
