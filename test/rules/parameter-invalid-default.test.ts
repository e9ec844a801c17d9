import { parameterInvalidDefault } from '../../server/src/rules/parameter-invalid-default';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;

ruleTable(parameterInvalidDefault, {
  valid: [
    {
      name: 'defaults that pass: an option, a number in range, a bool, a JSON list, a matching string',
      files: `${head}
data "coder_parameter" "size" {
  name    = "size"
  default = "m"
  option {
    name  = "Small"
    value = "s"
  }
  option {
    name  = "Medium"
    value = "m"
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 4
  validation {
    min = 1
    max = 8
  }
}

data "coder_parameter" "gpu" {
  name    = "gpu"
  type    = "bool"
  default = false
}

data "coder_parameter" "repos" {
  name    = "repos"
  type    = "list(string)"
  default = "[\\"a\\", \\"b\\"]"
}

data "coder_parameter" "user" {
  name    = "user"
  default = "dev"
  validation {
    regex = "^[a-z]+$"
    error = "lowercase letters"
  }
}
`,
    },
    {
      name: 'a required parameter without a validation block is not checked at import',
      files: `${head}
data "coder_parameter" "cpu" {
  name = "cpu"
  type = "number"
}

data "coder_parameter" "size" {
  name = "size"
  option {
    name  = "Small"
    value = "s"
  }
}
`,
    },
    {
      name: 'what Coder alone can evaluate: a computed default, dynamic options, a computed bound',
      files: `${head}
data "coder_parameter" "image" {
  name    = "image"
  default = data.coder_workspace_owner.me.name
  option {
    name  = "Ubuntu"
    value = "ubuntu"
  }
}

data "coder_parameter" "region" {
  name    = "region"
  default = "mars"
  dynamic "option" {
    for_each = var.regions
    content {
      name  = option.value
      value = option.value
    }
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 16
  validation {
    min = 1
    max = var.max_cpu
  }
}

data "coder_parameter" "repos" {
  name    = "repos"
  type    = "list(string)"
  default = jsonencode(["a"])
}
`,
    },
    {
      name: 'a form type the provider refuses is another rule\'s finding',
      files: `${head}
data "coder_parameter" "cpu" {
  name      = "cpu"
  type      = "number"
  form_type = "textarea"
  default   = "lots"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a default that is not one of the options',
      files: `${head}
data "coder_parameter" "size" {
  name    = "size"
  default = "xl"
  option {
    name  = "Small"
    value = "s"
  }
}
`,
      findings: [
        {
          at: '"xl"',
          messageId: 'defaultFails',
          message: /^Coder imports a template with every parameter at its default, and this default fails the parameter's own rules: `Default value must be a valid option: the value "xl" must be defined as one of options`\.$/,
        },
      ],
    },
    {
      name: 'numbers under validation must be whole; bools and lists must parse',
      files: `${head}
data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 1.5
  validation {
    min = 1
  }
}

data "coder_parameter" "gpu" {
  name    = "gpu"
  type    = "bool"
  default = "yes"
}

data "coder_parameter" "repos" {
  name    = "repos"
  type    = "list(string)"
  default = "a,b"
}

data "coder_parameter" "mem" {
  name    = "mem"
  type    = "number"
  default = 64
  validation {
    max   = 32
    error = "At most {max} GiB, not {value}."
  }
}
`,
      findings: [
        { at: '1.5', messageId: 'defaultFails', message: /`Invalid parameter default value according to 'validation' block: value "1\.5" is not a number`/ },
        { at: '"yes"', messageId: 'defaultFails', message: /`Parameter value is not of type "bool": "yes" is not a bool`/ },
        { at: '"a,b"', messageId: 'defaultFails', message: /`Parameter value is not of type "list\(string\)": value "a,b" is not a valid list of strings`/ },
        { at: '64', messageId: 'defaultFails', message: /`Invalid parameter default value according to 'validation' block: At most 32 GiB, not 64\.`/ },
      ],
    },
    {
      name: 'no default, and a validation block that refuses the empty string',
      files: `${head}
data "coder_parameter" "user" {
  name = "user"
  validation {
    regex = "^[a-z]+$"
    error = "lowercase letters"
  }
}

data "coder_parameter" "cpu" {
  name = "cpu"
  type = "number"
  validation {
    min = 1
  }
}
`,
      findings: [
        {
          at: '"user"',
          messageId: 'emptyFails',
          message: /^`data\.coder_parameter\.user` has no default, so when Coder imports the template it checks the empty string against the `validation` block, and that fails: `Invalid parameter value according to 'validation' block: lowercase letters \(value "" does not match "\^\[a-z\]\+\$"\)`\. Give it a default that passes, or leave out the validation block\.$/,
        },
        { at: '"cpu"', messageId: 'emptyFails', message: /value "" is not a number/ },
      ],
    },
    {
      name: 'no default, options and a validation block: the empty string is checked against both',
      files: `${head}
data "coder_parameter" "region" {
  name = "region"
  option {
    name  = "EU"
    value = "eu"
  }
  option {
    name  = "US"
    value = "us"
  }
  validation {
    regex = "^[a-z]+$"
    error = "lowercase letters"
  }
}
`,
      findings: [
        {
          at: '"region"',
          messageId: 'emptyFailsWithOptions',
          message: /^`data\.coder_parameter\.region` has no default, so when Coder imports the template it checks the empty string against the `validation` block and the options, and that fails: `Value must be a valid option\. The value is empty, did you forget to set it with a default or from user input\?: the value "" must be defined as one of options`\. Give it a default that passes, or leave out the validation block\.$/,
        },
      ],
    },
    {
      name: 'multi-select: the default must be a JSON list of option values',
      files: `${head}
data "coder_parameter" "ides" {
  name      = "ides"
  type      = "list(string)"
  form_type = "multi-select"
  default   = "[\\"vscode\\", \\"emacs\\"]"
  option {
    name  = "VS Code"
    value = "vscode"
  }
  option {
    name  = "Vim"
    value = "vim"
  }
}
`,
      findings: [{ at: '"[\\"vscode\\", \\"emacs\\"]"', messageId: 'defaultFails', message: /`Default values must be a valid option: Default value "\[\\"vscode\\", \\"emacs\\"\]" is not a valid option, values "emacs" are missing from the options`/ }],
    },
  ],
});
