import { parameterDuplicateOption } from '../../server/src/rules/parameter-duplicate-option';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const option = (name: string, value: string) => `
  option {
    name  = ${name}
    value = ${value}
  }
`;

ruleTable(parameterDuplicateOption, {
  valid: [
    {
      name: 'distinct names and values; computed ones',
      files: `${head}
data "coder_parameter" "size" {
  name    = "size"
  default = "s"
${option('"Small"', '"s"')}${option('"Medium"', '"m"')}${option('var.label', 'var.value')}${option('var.label', 'var.value')}}
`,
    },
  ],
  invalid: [
    {
      name: 'a repeated name and a repeated value',
      files: `${head}
data "coder_parameter" "size" {
  name    = "size"
  default = "s"
${option('"Small"', '"s"')}${option('"Small"', '"xs"')}${option('"Tiny"', '"s"')}}
`,
      findings: [
        {
          at: '"Small"',
          occurrence: 1,
          messageId: 'duplicateName',
          message: /^The option on line 7 already has the name "Small": users could not tell the two apart\. The coder provider refuses it when it plans the template: `Option names must be unique\. multiple options found with the same name "Small"`\.$/,
        },
        {
          at: '"s"',
          occurrence: 2,
          messageId: 'duplicateValue',
          message: /^The option on line 7 already has the value "s": users could not tell the two apart, nor Coder which one was chosen\. .*`Option values must be unique\. multiple options found with the same value "s"`\.$/,
        },
      ],
    },
  ],
});
