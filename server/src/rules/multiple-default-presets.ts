import { coderPresets } from '../model/coderPresets';
import { defineRule } from './types';

/** What every finding ends with: Coder's own words at import. */
const ONE_DEFAULT = ' Importing the template fails with `a maximum of 1 coder_workspace_preset can be marked as default, but {{total}} are set`.';

export const multipleDefaultPresets = defineRule({
  meta: {
    id: 'multiple-default-presets',
    defaultSeverity: 'error',
    description: 'More than one `coder_workspace_preset` with `default = true`.',
    fixable: false,
    messages: {
      manyDefaults: 'Only one preset can be the one Coder selects first, and {{total}} are marked `default = true`.' + ONE_DEFAULT,
      manyDefaultsInstances: 'Only one preset can be the one Coder selects first, and {{total}} are marked `default = true` (this one has {{instances}} instances).' + ONE_DEFAULT,
    },
    tags: ['presets', 'push-check'],
  },
  check({ module, report }) {
    const defaults = coderPresets(module).filter((p) => p.isDefault.state === 'known' && p.isDefault.value && p.instances);
    const total = defaults.reduce((sum, p) => sum + (p.instances ?? 0), 0);
    if (total < 2) return;
    defaults.forEach((preset, i) => {
      if (i === 0 && (preset.instances ?? 0) < 2) return;
      const file = preset.declaration.file;
      report({
        file,
        range: file.rangeOf(preset.isDefault.state === 'known' ? preset.isDefault.node : preset.block.typeNode),
        ...(i === 0 ? { messageId: 'manyDefaultsInstances', data: { total, instances: String(preset.instances) } } : { messageId: 'manyDefaults', data: { total } }),
      });
    });
  },
});
