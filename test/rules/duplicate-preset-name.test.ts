import { duplicatePresetName } from '../../server/src/rules/duplicate-preset-name';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const preset = (label: string, name: string, extra = '') => `
data "coder_workspace_preset" "${label}" {
${extra}  name = ${name}
}
`;

ruleTable(duplicatePresetName, {
  valid: [
    {
      name: 'distinct names; computed names; a count Coder alone knows',
      files: head + preset('small', '"Small"') + preset('large', '"Large"') + preset('a', 'var.name') + preset('b', 'var.name') + preset('c', '"Small"', '  count = var.on ? 1 : 0\n'),
    },
  ],
  invalid: [
    {
      name: 'two presets with one name',
      files: head + preset('small', '"Small"') + preset('tiny', '"Small"'),
      findings: [
        {
          at: '"Small"',
          occurrence: 1,
          messageId: 'sameName',
          message: /^`data\.coder_workspace_preset\.small` is also named "Small"\. Coder's import does not catch it .*\(`idx_unique_preset_name`\)\.$/,
        },
      ],
    },
    {
      name: 'count = 2',
      files: head + preset('small', '"Small"', '  count = 2\n'),
      findings: [{ at: '"Small"', messageId: 'repeatedInstances', message: /^`data\.coder_workspace_preset\.small` has 2 instances named "Small"\./ }],
    },
  ],
});
