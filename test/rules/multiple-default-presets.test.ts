import { multipleDefaultPresets } from '../../server/src/rules/multiple-default-presets';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const preset = (label: string, isDefault: string, extra = '') => `
data "coder_workspace_preset" "${label}" {
${extra}  name    = "${label}"
  default = ${isDefault}
}
`;

ruleTable(multipleDefaultPresets, {
  valid: [
    {
      name: 'one default; computed ones; one whose count Coder alone knows',
      files: head + preset('a', 'true') + preset('b', 'false') + preset('c', 'var.default') + preset('d', 'true', '  count   = var.on ? 1 : 0\n'),
    },
  ],
  invalid: [
    {
      name: 'two defaults',
      files: head + preset('a', 'true') + preset('b', '"true"'),
      findings: [
        {
          at: '"true"',
          messageId: 'manyDefaults',
          message: /^Only one preset can be the one Coder selects first, and 2 are marked `default = true`\. Importing the template fails with `a maximum of 1 coder_workspace_preset can be marked as default, but 2 are set`\.$/,
        },
      ],
    },
    {
      name: 'one default preset with two instances',
      files: head + preset('a', 'true', '  count   = 2\n'),
      findings: [{ at: 'true', messageId: 'manyDefaultsInstances', message: /2 are marked `default = true` \(this one has 2 instances\)/ }],
    },
  ],
});
