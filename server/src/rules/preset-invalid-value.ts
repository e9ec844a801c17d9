import { templateParameters } from '../model/coderParameters';
import { coderPresets } from '../model/coderPresets';
import { knownParameter, valueError } from '../model/parameterValidation';
import type { Rule } from './types';

export const presetInvalidValue: Rule = {
  meta: {
    id: 'preset-invalid-value',
    defaultSeverity: 'error',
    description: "A preset's value that fails its parameter's options, type or `validation` block.",
    fixable: false,
  },
  check({ module, report }) {
    const presets = coderPresets(module).filter((p) => p.parameters?.length);
    if (!presets.length) return;
    const parameters = templateParameters(module);
    if (!parameters) return;
    for (const preset of presets) {
      for (const entry of preset.parameters ?? []) {
        const parameter = parameters.get(entry.name);
        const known = parameter && knownParameter(parameter);
        if (!known || entry.value === undefined || !entry.valueNode) continue;
        const error = valueError(known, entry.value, false);
        if (!error) continue;
        const file = preset.declaration.file;
        report({
          file,
          range: file.rangeOf(entry.valueNode),
          message:
            `Parameter ${JSON.stringify(entry.name)} would refuse this value: \`${error.summary}: ${error.detail}\`. ` +
            'Coder checks preset values against their parameters when the template is pushed, and a workspace built from this preset would fail the same check.',
        });
      }
    }
  },
};
