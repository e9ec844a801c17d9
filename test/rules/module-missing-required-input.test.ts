import { moduleMissingRequiredInput } from '../../server/src/rules/module-missing-required-input';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(moduleMissingRequiredInput, {
  valid: [
    {
      name: 'an official-style template: several registry modules with count, outputs and ~> versions',
      files: `${header}
module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
}

module "jetbrains" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/jetbrains/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  folder   = "/home/coder"
}

module "git-clone" {
  source   = "registry.coder.com/modules/git-clone/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  url      = "https://github.com/coder/coder"
}
`,
    },
    {
      name: 'an old pinned release, a module the index does not hold, and sources elsewhere',
      files: `${header}
module "old" {
  source  = "registry.coder.com/coder/code-server/coder"
  version = "1.0.0"
}

module "unknown" {
  source = "registry.coder.com/coder/not-a-module/coder"
}

module "local" {
  source = "./modules/dind"
}

module "git" {
  source = "git::https://example.com/modules.git//dind"
}
`,
    },
  ],
  invalid: [
    {
      name: 'agent_id left out: the template\'s one agent is the value',
      files: `${header}
module "code-server" {
  source  = "registry.coder.com/coder/code-server/coder"
  version = "~> 1.0"
}
`,
      findings: [{ at: 'module "code-server"', messageId: 'missingInput', message: /The module `code-server` requires the input `agent_id`/, fixTitle: 'Add `agent_id`' }],
      output: `${header}
module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
}
`,
    },
  ],
  noFix: [
    {
      name: 'a local module\'s variable without a default: a placeholder, so a suggestion',
      files: {
        'main.tf': `${header}
module "dind" {
  source     = "./modules/dind"
  count      = data.coder_workspace.me.start_count
  agent_name = "main"
}
`,
        'modules/dind/variables.tf': `variable "agent_name" {
  type = string
}

variable "image" {
  type = string
}

variable "privileged" {
  type    = bool
  default = true
}
`,
      },
      findings: [{ at: 'module "dind"', messageId: 'localMissingInput', message: /The local module `\.\/modules\/dind` requires the input `image`/, suggestions: ['Add `image`'] }],
      suggestionOutput: {
        'main.tf': `${header}
module "dind" {
  source     = "./modules/dind"
  count      = data.coder_workspace.me.start_count
  agent_name = "main"
  image      = ""
}
`,
      },
    },
    {
      name: 'several required inputs, one with a placeholder (an empty value of its type): a suggestion',
      files: `${header}
module "jetbrains" {
  source  = "registry.coder.com/coder/jetbrains/coder"
  version = "~> 1.0"
}
`,
      findings: [{ at: 'module "jetbrains"', messageId: 'missingInputs', message: /requires the inputs `agent_id`, `folder`/, suggestions: ['Add `agent_id`, `folder`'] }],
      suggestionOutput: `${header}
module "jetbrains" {
  source   = "registry.coder.com/coder/jetbrains/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  folder   = ""
}
`,
    },
    {
      name: 'a local module missing several inputs',
      files: {
        'main.tf': `${header}
module "dind" {
  source = "./modules/dind"
}
`,
        'modules/dind/variables.tf': `variable "agent_name" {
  type = string
}

variable "image" {
  type = string
}
`,
      },
      findings: [
        {
          at: 'module "dind"',
          messageId: 'localMissingInputs',
          message: /^The local module `\.\/modules\/dind` requires the inputs `agent_name`, `image`, which this call does not set: `terraform plan` stops with "Missing required argument"\.$/,
          suggestions: ['Add `agent_name`, `image`'],
        },
      ],
    },
  ],
});
