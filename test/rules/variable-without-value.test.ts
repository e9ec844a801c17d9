import { variableWithoutValue } from '../../server/src/rules/variable-without-value';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;

ruleTable(variableWithoutValue, {
  valid: [
    {
      name: 'defaults, computed defaults',
      files: `${head}
variable "image" {
  type    = string
  default = "ubuntu"
}

variable "tags" {
  type    = map(string)
  default = {}
}
`,
    },
    {
      name: 'set in terraform.tfvars: file-not-uploaded says it',
      files: `${head}
variable "namespace" {
  type = string
}
`,
      folder: { entries: { 'terraform.tfvars': 'namespace = "coder"\n' } },
    },
  ],
  invalid: [
    {
      name: 'no default, and default = null (Coder counts it as none)',
      files: `${head}
variable "namespace" {
  type = string
}

variable "token" {
  type      = string
  sensitive = true
  default   = null
}
`,
      findings: [
        {
          at: '"namespace"',
          messageId: 'noDefault',
          severity: 'info',
          message: /^`var\.namespace` has no default, so Coder needs a value for it when the template is pushed: `coder templates push --variable namespace=…` \(or `--variables-file`\), or the value kept from an earlier version\. Without one the import fails with `required template variables need values`\.$/,
        },
        { at: '"token"', messageId: 'noDefault', message: /`var\.token` has no default/ },
      ],
    },
  ],
});
