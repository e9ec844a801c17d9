import { coderParameters } from '../model/coderParameters';
import { knownParameter, valueError } from '../model/parameterValidation';
import { defineRule } from './types';

/** The provider's words ({{summary}}, {{detail}}: the open-ended set of `valueError`). */
const CODER = '`{{summary}}: {{detail}}`';
const EMPTY_FAILS = '`data.{{parameter}}` has no default, so when Coder imports the template it checks the empty string against the `validation` block';
const GIVE_DEFAULT = ', and that fails: ' + CODER + '. Give it a default that passes, or leave out the validation block.';

export const parameterInvalidDefault = defineRule({
  meta: {
    id: 'parameter-invalid-default',
    defaultSeverity: 'error',
    description:
      "A `coder_parameter` whose default (or, without one, the empty string) fails its own options, type or `validation` block: Coder checks every parameter that way when it imports the template.",
    fixable: false,
    messages: {
      defaultFails: "Coder imports a template with every parameter at its default, and this default fails the parameter's own rules: " + CODER + '.',
      emptyFails: EMPTY_FAILS + GIVE_DEFAULT,
      emptyFailsWithOptions: EMPTY_FAILS + ' and the options' + GIVE_DEFAULT,
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    for (const p of coderParameters(module)) {
      const known = knownParameter(p);
      if (!known) continue;
      // Without a default and without a validation block, the provider checks nothing at import.
      if (known.default === undefined && !known.validation) continue;
      const value = known.default ?? '';
      const error = valueError(known, value, known.default !== undefined);
      if (!error) continue;
      const file = p.declaration.file;
      if (p.default.state === 'known') {
        report({
          file,
          range: file.rangeOf(p.default.node),
          messageId: 'defaultFails',
          data: { summary: error.summary, detail: error.detail },
        });
      } else {
        const label = p.block.labelNodes[1] ?? p.block.typeNode;
        report({
          file,
          range: file.rangeOf(label),
          messageId: known.optionValues.length ? 'emptyFailsWithOptions' : 'emptyFails',
          data: { parameter: p.declaration.name, summary: error.summary, detail: error.detail },
        });
      }
    }
  },
});
