import { coderPresets, CoderPreset } from '../model/coderPresets';
import { defineRule } from './types';

/** What every finding ends with: where Coder stops. */
const STORED =
  " Coder's import does not catch it (its own check for repeated preset names never fires), so the template is planned and then fails when Coder stores its presets, on the database's unique index of preset names per template version (`idx_unique_preset_name`).";

export const duplicatePresetName = defineRule({
  meta: {
    id: 'duplicate-preset-name',
    defaultSeverity: 'error',
    description: 'Two `coder_workspace_preset` with the same `name` (or one with several instances).',
    fixable: false,
    messages: {
      repeatedInstances: '`data.{{preset}}` has {{instances}} instances named {{name}}.' + STORED,
      sameName: '`data.{{first}}` is also named {{name}}.' + STORED,
    },
    tags: ['presets', 'push-check'],
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
        ...(first
          ? { messageId: 'sameName', data: { first: first.declaration.name, name: JSON.stringify(name) } }
          : { messageId: 'repeatedInstances', data: { preset: preset.declaration.name, instances: preset.instances, name: JSON.stringify(name) } }),
      });
    }
  },
});
