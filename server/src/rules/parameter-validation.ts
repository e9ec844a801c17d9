import { coderParameters } from '../model/coderParameters';
import { knownValidation, validationConfigErrors, ValidationProblem } from '../model/parameterValidation';
import { FixBuilder } from './edits';
import { defineRule } from './types';

/** Each problem's message; {{error}} is the provider's text from `validationConfigErrors` (it quotes the user's values). */
const MESSAGE_OF = {
  'wrong-type': 'wrongType',
  compile: 'regexCompile',
  'no-error': 'regexWithoutError',
  'monotonic-value': 'monotonicValue',
} as const satisfies Record<ValidationProblem, string>;

const REFUSED = ' The coder provider refuses this {{type}} parameter when it plans the template: `{{error}}`.';

export const parameterValidation = defineRule({
  meta: {
    id: 'parameter-validation',
    defaultSeverity: 'error',
    description: "A `coder_parameter` `validation` block the provider refuses whatever the value: a check on the wrong type, a regex Go cannot compile or without `error`, an unknown `monotonic`.",
    fixable: true,
    messages: {
      wrongType: '`min`, `max` and `monotonic` only apply to number parameters, and `regex` only to string parameters.' + REFUSED,
      regexCompile: 'Coder compiles `regex` as a Go (RE2) regular expression, which has no look-arounds and no back-references.' + REFUSED,
      regexWithoutError: "Coder shows the block's `error` text when a value does not match `regex`, so `error` is required with it." + REFUSED,
      monotonicValue: '`monotonic` takes `"increasing"` or `"decreasing"`.' + REFUSED,
    },
    tags: ['parameters', 'push-check'],
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
          messageId: MESSAGE_OF[problem],
          data: { type: p.type, error: message },
          fix,
        });
      }
    }
  },
});
