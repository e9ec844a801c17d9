import { coderParameters } from '../model/coderParameters';
import { knownParameter, valueError } from '../model/parameterValidation';
import type { Rule } from './types';

export const parameterInvalidDefault: Rule = {
  meta: {
    id: 'parameter-invalid-default',
    defaultSeverity: 'error',
    description:
      "A `coder_parameter` whose default (or, without one, the empty string) fails its own options, type or `validation` block: Coder checks every parameter that way when it imports the template.",
    fixable: false,
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
      const coder = `\`${error.summary}: ${error.detail}\``;
      if (p.default.state === 'known') {
        report({
          file,
          range: file.rangeOf(p.default.node),
          message: `Coder imports a template with every parameter at its default, and this default fails the parameter's own rules: ${coder}.`,
        });
      } else {
        const label = p.block.labelNodes[1] ?? p.block.typeNode;
        report({
          file,
          range: file.rangeOf(label),
          message:
            `\`data.${p.declaration.name}\` has no default, so when Coder imports the template it checks the empty string against the \`validation\` block${known.optionValues.length ? ' and the options' : ''}, and that fails: ${coder}. ` +
            'Give it a default that passes, or leave out the validation block.',
        });
      }
    }
  },
};
