import { parameterValidation } from '../../server/src/rules/parameter-validation';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;

ruleTable(parameterValidation, {
  valid: [
    {
      name: 'each check on its own type; Go regexp syntax JavaScript lacks',
      files: `${head}
data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 2
  validation {
    min       = 1
    max       = 8
    monotonic = "increasing"
  }
}

data "coder_parameter" "branch" {
  name    = "branch"
  default = "main"
  validation {
    regex = "(?i)^[a-z0-9/_-]+\\\\z"
    error = "Letters, digits, /, _ and - only."
  }
}
`,
    },
    {
      name: 'computed parts are left alone',
      files: `${head}
data "coder_parameter" "name" {
  name    = "name"
  default = "x"
  validation {
    regex = var.pattern
    error = "bad"
  }
}

data "coder_parameter" "kind" {
  name = "kind"
  type = var.kind
  validation {
    min = 1
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'monotonic in the wrong case is fixed; an unknown word is not',
      files: `${head}
data "coder_parameter" "disk" {
  name    = "disk"
  type    = "number"
  default = 10
  mutable = true
  validation {
    monotonic = "Increasing"
  }
}
`,
      findings: [{ at: '"Increasing"', messageId: 'monotonicValue', message: /`number monotonicity can be either "increasing" or "decreasing"`/, fixTitle: 'Change to `"increasing"`' }],
      output: `${head}
data "coder_parameter" "disk" {
  name    = "disk"
  type    = "number"
  default = 10
  mutable = true
  validation {
    monotonic = "increasing"
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'checks on the wrong type',
      files: `${head}
data "coder_parameter" "name" {
  name    = "name"
  default = "dev"
  validation {
    min = 3
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 2
  validation {
    regex = "^[0-9]+$"
    error = "digits"
  }
}
`,
      findings: [
        { at: '3', messageId: 'wrongType', message: /^`min`, `max` and `monotonic` only apply to number parameters, and `regex` only to string parameters\. The coder provider refuses this string parameter when it plans the template: `a min cannot be specified for a string type`\.$/ },
        { at: '"^[0-9]+$"', messageId: 'wrongType', message: /`a regex cannot be specified for a number type`/ },
      ],
    },
    {
      name: 'a look-ahead Go cannot compile, and a regex without error',
      files: `${head}
data "coder_parameter" "password" {
  name    = "password"
  default = "Secret1"
  validation {
    regex = "^(?=.*[0-9]).{8,}$"
    error = "At least 8 characters with a digit."
  }
}

data "coder_parameter" "user" {
  name    = "user"
  default = "dev"
  validation {
    regex = "^[a-z]+$"
  }
}
`,
      findings: [
        {
          at: '"^(?=.*[0-9]).{8,}$"',
          messageId: 'regexCompile',
          message: /^Coder compiles `regex` as a Go \(RE2\) regular expression, which has no look-arounds and no back-references\. .*`compile regex <nil>: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=``\.$/,
        },
        { at: '"^[a-z]+$"', messageId: 'regexWithoutError', message: /`an error must be specified with a regex validation`/ },
      ],
    },
    {
      name: 'monotonic that is no direction: no fix',
      files: `${head}
data "coder_parameter" "disk" {
  name    = "disk"
  type    = "number"
  default = 10
  validation {
    monotonic = "up"
  }
}
`,
      findings: [{ at: '"up"', messageId: 'monotonicValue' }],
    },
  ],
});
