import { coderPresets } from '../model/coderPresets';
import type { Rule } from './types';

export const multipleDefaultPresets: Rule = {
  meta: {
    id: 'multiple-default-presets',
    defaultSeverity: 'error',
    description: 'More than one `coder_workspace_preset` with `default = true`.',
    fixable: false,
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
        message:
          `Only one preset can be the one Coder selects first, and ${total} are marked \`default = true\`${i === 0 ? ` (this one has ${preset.instances} instances)` : ''}. ` +
          `Importing the template fails with \`a maximum of 1 coder_workspace_preset can be marked as default, but ${total} are set\`.`,
      });
    });
  },
};
