import { presetInvalidValue } from '../../server/src/rules/preset-invalid-value';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

data "coder_parameter" "size" {
  name    = "size"
  default = "s"
  option {
    name  = "Small"
    value = "s"
  }
  option {
    name  = "Large"
    value = "l"
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 2
  validation {
    min = 1
    max = 8
  }
}
`;

ruleTable(presetInvalidValue, {
  valid: [
    {
      name: 'values that pass; computed values; a parameter that is not there (another rule says so)',
      files: `${head}
data "coder_workspace_preset" "big" {
  name = "Big"
  parameters = {
    size   = "l"
    cpu    = 8
    other  = "x"
    region = var.region
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'not an option; out of range',
      files: `${head}
data "coder_workspace_preset" "big" {
  name = "Big"
  parameters = {
    size = "xl"
    cpu  = "16"
  }
}
`,
      findings: [
        {
          at: '"xl"',
          messageId: 'invalidValue',
          message: /^Parameter "size" would refuse this value: `Value must be a valid option: the value "xl" must be defined as one of options`\. Coder checks preset values against their parameters when the template is pushed, and a workspace built from this preset would fail the same check\.$/,
        },
        { at: '"16"', messageId: 'invalidValue', message: /`Invalid parameter value according to 'validation' block: value 16 is more than the maximum 8`/ },
      ],
    },
  ],
});
