import { deprecatedArgument } from '../../server/src/rules/deprecated-argument';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(deprecatedArgument, {
  valid: [
    {
      name: 'coder_agent.dir has a rule of its own',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
}
`,
    },
    {
      name: 'arguments that are not deprecated, and a deprecated one in another provider release',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = ">= 4.0"
    }
  }
}
${header}
resource "docker_network" "n" {
  name = "n"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a deprecated block and a deprecated argument',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}
${header}
resource "coder_ai_task" "t" {
  sidebar_app {
    id = "x"
  }
}

resource "docker_network" "n" {
  name            = "n"
  check_duplicate = true
}
`,
      findings: [
        { at: 'sidebar_app', messageId: 'deprecatedBlock', message: /`sidebar_app` is deprecated in `coder\/coder 2\.17\.0`/ },
        { at: 'check_duplicate', messageId: 'deprecatedArgument', message: /`check_duplicate` is deprecated in `kreuzwerker\/docker 3\.9\.0`/ },
      ],
    },
  ],
});
