import { coderParameters } from '../model/coderParameters';
import { knownValidation, validationConfigErrors, ValidationProblem } from '../model/parameterValidation';
import { FixBuilder } from './edits';
import type { Rule } from './types';

const WHY: Record<ValidationProblem, string> = {
  'wrong-type': '`min`, `max` and `monotonic` only apply to number parameters, and `regex` only to string parameters.',
  compile: 'Coder compiles `regex` as a Go (RE2) regular expression, which has no look-arounds and no back-references.',
  'no-error': "Coder shows the block's `error` text when a value does not match `regex`, so `error` is required with it.",
  'monotonic-value': '`monotonic` takes `"increasing"` or `"decreasing"`.',
};

export const parameterValidation: Rule = {
  meta: {
    id: 'parameter-validation',
    defaultSeverity: 'error',
    description: "A `coder_parameter` `validation` block the provider refuses whatever the value: a check on the wrong type, a regex Go cannot compile or without `error`, an unknown `monotonic`.",
    fixable: true,
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      const validation = p.validations?.length === 1 ? p.validations[0] : undefined;
      const known = validation && knownValidation(validation);
      if (!p.type || !validation || !known) continue;
      const file = p.declaration.file;
      for (const { field, problem, message } of validationConfigErrors(p.type, known)) {
        const argument = validation[field];
        if (argument.state !== 'known') continue;
        const lower = field === 'monotonic' ? known.monotonic.toLowerCase() : undefined;
        const fix =
          lower !== undefined && lower !== known.monotonic && (lower === 'increasing' || lower === 'decreasing') && p.type === 'number'
            ? new FixBuilder(`Change to \`"${lower}"\``).replaceNode(file, argument.node, `"${lower}"`).build()
            : undefined;
        report({
          file,
          range: file.rangeOf(argument.node),
          message: `${WHY[problem]} The coder provider refuses this ${p.type} parameter when it plans the template: \`${message}\`.`,
          fix,
        });
      }
    }
  },
};
