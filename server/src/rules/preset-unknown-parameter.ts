import { templateParameters } from '../model/coderParameters';
import { coderPresets } from '../model/coderPresets';
import { editDistance } from '../model/names';
import { textOffsets } from '../model/coderResources';
import { FixBuilder } from './edits';
import { defineRule } from './types';

const NAMES_NOT_LABELS = ": the keys of a preset's `parameters` are parameter names (their `name`, not their labels). ";
const REJECTED =
  "Coder's push rejects it: `Preset {{preset}} requires parameter {{name}}, but it is not defined by the template.` (older Coder versions ignore the value and only log a warning).";

export const presetUnknownParameter = defineRule({
  meta: {
    id: 'preset-unknown-parameter',
    defaultSeverity: 'error',
    description: "A preset sets a parameter the template does not have (Coder's push checks presets against the parameters).",
    fixable: true,
    messages: {
      unknownParameter: 'No `coder_parameter` of this template is named {{name}}' + NAMES_NOT_LABELS + REJECTED,
      unknownParameterDidYouMean: 'No `coder_parameter` of this template is named {{name}} (did you mean {{suggestion}}?)' + NAMES_NOT_LABELS + REJECTED,
    },
    tags: ['parameters', 'presets', 'push-check'],
  },
  check({ module, report }) {
    const presets = coderPresets(module).filter((p) => p.parameters?.length);
    if (!presets.length) return;
    const parameters = templateParameters(module);
    if (!parameters) return;
    const names = [...parameters.keys()];
    for (const preset of presets) {
      const presetName = preset.name.state === 'known' ? preset.name.value : preset.declaration.name;
      for (const entry of preset.parameters ?? []) {
        if (parameters.has(entry.name)) continue;
        const file = preset.declaration.file;
        const close = names.filter((n) => editDistance(n, entry.name) <= 3 && !preset.parameters?.some((e) => e.name === n));
        const [start, end] = textOffsets(entry.keyNode);
        const quoted = start !== entry.keyNode.startIndex;
        report({
          file,
          range: file.rangeOfOffsets(start, end),
          ...(close.length === 1
            ? { messageId: 'unknownParameterDidYouMean', data: { name: JSON.stringify(entry.name), preset: JSON.stringify(presetName), suggestion: JSON.stringify(close[0]) } }
            : { messageId: 'unknownParameter', data: { name: JSON.stringify(entry.name), preset: JSON.stringify(presetName) } }),
          fix:
            close.length === 1 && (quoted || /^[A-Za-z_][A-Za-z0-9_-]*$/.test(close[0]))
              ? new FixBuilder(`Change to ${JSON.stringify(close[0])}`).replace(file, start, end, close[0]).build()
              : undefined,
        });
      }
    }
  },
});
