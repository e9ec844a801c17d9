import { parameterOptionType } from '../../server/src/rules/parameter-option-type';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const option = (name: string, value: string) => `
  option {
    name  = "${name}"
    value = ${value}
  }
`;

ruleTable(parameterOptionType, {
  valid: [
    {
      name: 'numbers, bools, JSON lists, and multi-select items',
      files: `${head}
data "coder_parameter" "cpu" {
  name = "cpu"
  type = "number"
${option('Two', '2')}${option('Half', '"0.5"')}}

data "coder_parameter" "gpu" {
  name = "gpu"
  type = "bool"
${option('Yes', 'true')}${option('No', '"f"')}}

data "coder_parameter" "stacks" {
  name = "stacks"
  type = "list(string)"
${option('Web', '"[\\"node\\", \\"nginx\\"]"')}${option('Data', 'jsonencode(["python"])')}}

data "coder_parameter" "ides" {
  name      = "ides"
  type      = "list(string)"
  form_type = "multi-select"
${option('VS Code', '"vscode"')}}
`,
    },
    {
      name: 'a form type the provider refuses is another rule\'s finding',
      files: `${head}
data "coder_parameter" "cpu" {
  name      = "cpu"
  type      = "number"
  form_type = "slider"
${option('Two', '"two"')}}
`,
    },
  ],
  invalid: [
    {
      name: 'list(string) options that are single items: multi-select offered',
      files: `${head}
data "coder_parameter" "ides" {
  name = "ides"
  type = "list(string)"
${option('VS Code', '"vscode"')}}
`,
      findings: [
        {
          at: '"vscode"',
          messageId: 'listOption',
          message: /^Each option of a `list\(string\)` parameter is a whole list, .*`Option "VS Code" with value="vscode" is not of type "list\(string\)": value "vscode" is not a valid list of strings`\.$/,
          suggestions: ['Let users pick several options: `form_type = "multi-select"`'],
        },
      ],
    },
  ],
  noFix: [
    {
      name: 'a word as a number, "yes" as a bool',
      files: `${head}
data "coder_parameter" "cpu" {
  name = "cpu"
  type = "number"
${option('Large', '"large"')}}

data "coder_parameter" "gpu" {
  name = "gpu"
  type = "bool"
${option('Yes', '"yes"')}}
`,
      findings: [
        {
          at: '"large"',
          messageId: 'wrongType',
          message: /^Every option of a number parameter must be a number value\. The coder provider refuses this one when it plans the template: `Option "Large" with value="large" is not of type "number": "large" is not a number`\.$/,
          suggestions: [],
        },
        { at: '"yes"', messageId: 'wrongType', message: /`Option "Yes" with value="yes" is not of type "bool": "yes" is not a bool`/ },
      ],
    },
  ],
});
