import { missingRequiredArgument } from '../../server/src/rules/missing-required-argument';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(missingRequiredArgument, {
  valid: [
    {
      name: 'every required argument given, by literal or reference',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = data.coder_provisioner.me.arch
}

data "coder_provisioner" "me" {}

resource "docker_container" "w" {
  name  = "w"
  image = var.image
}

variable "image" {
  type = string
}
`,
    },
    {
      name: 'the docker provider\'s host has an environment default; dynamic blocks are not arguments',
      files: `${header}
provider "docker" {}

resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {
    container {
      name = "c"
      dynamic "env" {
        for_each = {}
        content {
          name = "A"
        }
      }
    }
  }
}
`,
    },
    {
      name: 'a block with a syntax error is left to hcl-syntax',
      files: `${header}
resource "coder_agent" "main" {
  os = "linux
}
`,
    },
  ],
  invalid: [
    {
      name: 'agent_id left out where the template has one agent: its id is the value, a fix',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_script" "setup" {
  display_name = "Setup"
  script       = "setup.sh"
  run_on_start = true
}
`,
      findings: [{ at: 'resource "coder_script" "setup"', messageId: 'missingArgument', message: /The argument `agent_id` is required here/, fixTitle: 'Add `agent_id`' }],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_script" "setup" {
  display_name = "Setup"
  script       = "setup.sh"
  run_on_start = true
  agent_id     = coder_agent.main.id
}
`,
    },
  ],
  noFix: [
    {
      name: 'a placeholder (the first allowed value) is a guess: suggested, not fixed, aligned with its neighbours',
      files: `${header}
resource "coder_agent" "main" {
  os             = "linux"
  startup_script = "echo hi"
}
`,
      findings: [{ at: 'resource "coder_agent" "main"', messageId: 'missingArgument', message: /The argument `arch` is required here by `coder\/coder 2\.17\.0`/, suggestions: ['Add `arch`'] }],
      suggestionOutput: `${header}
resource "coder_agent" "main" {
  os             = "linux"
  startup_script = "echo hi"
  arch           = "amd64"
}
`,
    },
    {
      name: 'several in an empty nested block, reported on its header: placeholders, so a suggestion',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  metadata {}
}
`,
      findings: [{ at: 'metadata', messageId: 'missingArguments', message: /The arguments `interval`, `key`, `script` are required here/, suggestions: ['Add `interval`, `key`, `script`'] }],
      suggestionOutput: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  metadata {
    interval = 0
    key      = ""
    script   = ""
  }
}
`,
    },
    {
      name: 'a placeholder the provider\'s pattern takes is chosen for a string, as a suggestion',
      files: `${header}
resource "coder_app" "code" {
  agent_id = "x"
}
`,
      findings: [{ at: 'resource "coder_app" "code"', messageId: 'missingArgument', message: /`slug` is required/, suggestions: ['Add `slug`'] }],
      suggestionOutput: `${header}
resource "coder_app" "code" {
  agent_id = "x"
  slug     = "x"
}
`,
    },
    {
      name: 'conditions in a lifecycle block, Terraform\'s own: no provider release to name',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  lifecycle {
    precondition {}
    postcondition {
      condition = true
    }
  }
}
`,
      findings: [
        {
          at: 'precondition',
          messageId: 'missingTerraformArguments',
          message: /^The arguments `condition`, `error_message` are required here: `terraform plan` stops with "Missing required argument"\.$/,
          suggestions: ['Add `condition`, `error_message`'],
        },
        { at: 'postcondition', messageId: 'missingTerraformArgument', message: /^The argument `error_message` is required here: `terraform plan` stops/, suggestions: ['Add `error_message`'] },
      ],
    },
  ],
});
