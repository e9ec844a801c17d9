import { fileNotUploaded } from '../../server/src/rules/file-not-uploaded';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(fileNotUploaded, {
  valid: [
    {
      name: 'modules and files inside the folder; .terraform.lock.hcl; a registry module; computed paths',
      files: `${head}
module "base" {
  source = "./modules/base"
}

module "code_server" {
  source = "registry.coder.com/coder/code-server/coder"
}

resource "coder_script" "setup" {
  agent_id     = coder_agent.main.id
  display_name = "Setup"
  script       = templatefile("\${path.module}/scripts/setup.sh", {})
  run_on_start = true
}

locals {
  lock   = file("./.terraform.lock.hcl")
  other  = file(var.path)
  exists = fileexists("./.optional")
}
`,
      folder: { entries: { 'scripts/setup.sh': 'echo hi\n' } },
    },
    {
      name: 'variable files that set nothing this template declares',
      files: `${head}
variable "image" {
  type    = string
  default = "ubuntu"
}
`,
      folder: { entries: { 'terraform.tfvars': 'other = "x"\n' } },
    },
  ],
  invalid: [
    {
      name: 'a module under a dot-folder and one outside the template folder',
      files: `${head}
module "base" {
  source = "./.modules/base"
}

module "shared" {
  source = "../shared/agent"
}
`,
      findings: [
        {
          at: '"./.modules/base"',
          messageId: 'moduleHidden',
          message: /^module `base` reads "\.\/\.modules\/base", but `coder templates push` does not upload `\.modules`: it leaves out every file and folder whose name starts with `\.` \(except `\.terraform\.lock\.hcl`\)\. It is not there where Coder runs Terraform, and `terraform init` fails\. Rename it without the leading dot\.$/,
        },
        {
          at: '"../shared/agent"',
          messageId: 'moduleOutside',
          message: /^module `shared` reads "\.\.\/shared\/agent", outside the template folder\. `coder templates push` uploads only the folder, so it is not there where Coder runs Terraform, and `terraform init` fails\. Move it into the folder\.$/,
        },
      ],
    },
    {
      name: 'files read from a dot-folder',
      files: `${head}
resource "coder_script" "setup" {
  agent_id     = coder_agent.main.id
  display_name = "Setup"
  script       = templatefile("\${path.module}/.scripts/setup.sh", {})
  run_on_start = true
}

locals {
  env = file(".env")
}
`,
      findings: [
        { at: '"${path.module}/.scripts/setup.sh"', messageId: 'fileHidden', message: /^`templatefile\(\)` reads "\.\/\.scripts\/setup\.sh", but .* `terraform plan` fails\./ },
        { at: '".env"', messageId: 'fileHidden', message: /^`file\(\)` reads "\.env"/ },
      ],
    },
    {
      name: 'a file read from outside the template folder',
      files: `${head}
locals {
  motd = file("\${path.module}/../shared/motd.txt")
}
`,
      findings: [
        {
          at: '"${path.module}/../shared/motd.txt"',
          messageId: 'fileOutside',
          message: /^`file\(\)` reads "\.\/\.\.\/shared\/motd\.txt", outside the template folder\. `coder templates push` uploads only the folder, so it is not there where Coder runs Terraform, and `terraform plan` fails\. Move it into the folder\.$/,
        },
      ],
    },
    {
      name: 'values set only in variable files the CLI skips: a warning',
      files: `${head}
variable "namespace" {
  type = string
}

variable "image" {
  type    = string
  default = "ubuntu"
}
`,
      folder: { entries: { 'terraform.tfvars': 'namespace = "coder"\nimage     = "fedora"\n', 'prod.auto.tfvars.json': '{"namespace": "prod"}' } },
      findings: [
        {
          at: '"namespace"',
          messageId: 'skippedRequired',
          severity: 'warning',
          message: /^`var\.namespace` is set in `prod\.auto\.tfvars\.json` and `terraform\.tfvars`, which `coder templates push` does not upload \(Coder keeps its own variable values\)\. Without `--variable` or `--variables-file` \(or a value kept from an earlier version\), the import fails with `required template variables need values`\.$/,
        },
        { at: '"image"', messageId: 'skippedWithDefault', severity: 'warning', message: /Coder will use the default instead, unless the push passes `--variable` or `--variables-file`\.$/ },
      ],
    },
  ],
});
