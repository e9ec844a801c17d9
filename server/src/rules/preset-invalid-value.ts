import { templateParameters } from '../model/coderParameters';
import { coderPresets } from '../model/coderPresets';
import { knownParameter, valueError } from '../model/parameterValidation';
import { defineRule } from './types';

export const presetInvalidValue = defineRule({
  meta: {
    id: 'preset-invalid-value',
    defaultSeverity: 'error',
    description: "A preset's value that fails its parameter's options, type or `validation` block.",
    fixable: false,
    messages: {
      // {{summary}} and {{detail}} are the provider's words, from the open-ended set of `valueError`.
      invalidValue:
        'Parameter {{parameter}} would refuse this value: `{{summary}}: {{detail}}`. ' +
        'Coder checks preset values against their parameters when the template is pushed, and a workspace built from this preset would fail the same check.',
    },
    tags: ['parameters', 'presets', 'push-check'],
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
          messageId: 'invalidValue',
          data: { parameter: JSON.stringify(entry.name), summary: error.summary, detail: error.detail },
        });
      }
    }
  },
});
