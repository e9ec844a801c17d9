import { coderPresets, CoderPreset } from '../model/coderPresets';
import type { Rule } from './types';

export const duplicatePresetName: Rule = {
  meta: {
    id: 'duplicate-preset-name',
    defaultSeverity: 'error',
    description: 'Two `coder_workspace_preset` with the same `name` (or one with several instances).',
    fixable: false,
  },
  check({ module, report }) {
    const seen = new Map<string, CoderPreset>();
    for (const preset of coderPresets(module)) {
      if (preset.name.state !== 'known' || !preset.instances) continue;
      const name = preset.name.value;
      const first = seen.get(name);
      if (!first) seen.set(name, preset);
      if (!first && preset.instances < 2) continue;
      const file = preset.declaration.file;
      report({
        file,
        range: file.rangeOf(preset.name.node),
        message:
          (first ? `\`data.${first.declaration.name}\` is also named ${JSON.stringify(name)}.` : `\`data.${preset.declaration.name}\` has ${preset.instances} instances named ${JSON.stringify(name)}.`) +
          " Coder's import does not catch it (its own check for repeated preset names never fires), so the template is planned and then fails when Coder stores its presets, on the database's unique index of preset names per template version (`idx_unique_preset_name`).",
      });
    }
  },
};
