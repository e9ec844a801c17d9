import { parameterFormType } from '../../server/src/rules/parameter-form-type';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const option = `
  option {
    name  = "One"
    value = "1"
  }
`;

ruleTable(parameterFormType, {
  valid: [
    {
      name: 'every pair the provider takes, and no form type at all',
      files: `${head}
data "coder_parameter" "a" {
  name      = "a"
  form_type = "dropdown"
${option}}

data "coder_parameter" "b" {
  name      = "b"
  type      = "number"
  form_type = "slider"
}

data "coder_parameter" "c" {
  name      = "c"
  type      = "bool"
  form_type = "switch"
}

data "coder_parameter" "d" {
  name      = "d"
  type      = "list(string)"
  form_type = "multi-select"
  option {
    name  = "One"
    value = "one"
  }
}

data "coder_parameter" "e" {
  name = "e"
  type = "bool"
}
`,
    },
    {
      name: 'unknowns: a computed form type or type, dynamic options; an unknown form type is the schema\'s finding',
      files: `${head}
data "coder_parameter" "a" {
  name      = "a"
  form_type = var.form
}

data "coder_parameter" "b" {
  name      = "b"
  type      = var.type
  form_type = "slider"
}

data "coder_parameter" "c" {
  name      = "c"
  type      = "number"
  form_type = "slider"
  dynamic "option" {
    for_each = var.sizes
    content {
      name  = option.value
      value = option.value
    }
  }
}

data "coder_parameter" "d" {
  name      = "d"
  form_type = "combobox"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a slider needs a number without options; a dropdown needs options',
      files: `${head}
data "coder_parameter" "cpu" {
  name      = "cpu"
  type      = "number"
  form_type = "slider"
${option}}

data "coder_parameter" "gpu" {
  name      = "gpu"
  type      = "bool"
  form_type = "dropdown"
}

data "coder_parameter" "notes" {
  name      = "notes"
  type      = "number"
  form_type = "textarea"
}
`,
      findings: [
        {
          at: '"slider"',
          messageId: 'withOptions',
          message: /^A number parameter with options takes `radio` or `dropdown` as its form type\. The coder provider refuses this one when it plans the template: `Invalid form_type for parameter: "form_type" attribute="slider" is not supported for "type"="number" when options exist, choose one of \[radio dropdown\]`\.$/,
        },
        { at: '"dropdown"', messageId: 'withoutOptions', message: /`checkbox` or `switch`.*"form_type" attribute="dropdown" is not supported for "type"="bool" when options do not exist, choose one of \[checkbox switch\]/ },
        { at: '"textarea"', messageId: 'withoutOptions', message: /"form_type" attribute="textarea" is not supported for "type"="number", choose one of \[input slider\]`/ },
      ],
    },
  ],
});
