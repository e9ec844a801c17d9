import { deprecatedAgentDir } from '../../server/src/rules/deprecated-agent-dir';
import { ruleTable } from '../helpers/ruleTester';

const workspace = `data "coder_workspace" "me" {}
`;

ruleTable(deprecatedAgentDir, {
  valid: [
    {
      name: 'an agent without dir',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
    {
      name: 'coder provider pinned below 2.17.0, where dir is not deprecated',
      files: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.16.0"
    }
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/workspaces"
}
`,
    },
    {
      name: 'a dir-like setting that is not coder_agent.dir',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "code"
  url      = "http://localhost:8080/?folder=/home/coder"
}

locals {
  dir = "/home/coder"
}
`,
    },
    {
      name: 'not a Coder template',
      files: `resource "coder_thing" "x" {
  dir = "/home/coder"
}
`,
    },
  ],
  invalid: [
    {
      name: 'the Sysbox Kubernetes docs example (dir inside an aligned run)',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
  startup_script = <<EOF
#!/bin/sh
sudo dockerd &
EOF
}
`,
      findings: [
        {
          at: 'dir  = "/home/coder"',
          messageId: 'notHome',
          message: /`dir` on `coder_agent\.main` is deprecated since coder provider 2\.17\.0.*breaks Coder Desktop's file sync/,
          fixTitle: 'Remove `dir`',
        },
      ],
      output: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<EOF
#!/bin/sh
sudo dockerd &
EOF
}
`,
    },
    {
      name: 'dir = "$HOME" is harmless but still deprecated; the run is realigned when it goes',
      files: `${workspace}
resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  dir  = "$HOME"
  auth = "token"
}
`,
      findings: [{ at: 'dir  = "$HOME"', messageId: 'repeatsDefault', message: /only repeats the default/ }],
      output: `${workspace}
resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  auth = "token"
}
`,
    },
  ],
  // Removing a `dir` that names another directory moves where users land: a suggestion, not the fix.
  noFix: [
    {
      name: 'a constraint that admits 2.17 and later; the agent in another file; a computed dir',
      files: {
        'versions.tf': `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.0.0"
    }
  }
}
`,
        'agent.tf': `resource "coder_agent" "main" {
  os                  = "linux"
  arch                = "amd64"
  dir                 = var.dir
  troubleshooting_url = "https://example.com"
}
`,
      },
      findings: [
        {
          file: 'agent.tf',
          at: 'dir                 = var.dir',
          messageId: 'notHome',
          message: /breaks Coder Desktop/,
          suggestions: ['Remove `dir` (users then start in their home directory)'],
        },
      ],
    },
    {
      name: 'a working directory the user chose',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/workspaces/project"
}
`,
      findings: [{ at: 'dir  = "/workspaces/project"', messageId: 'notHome', message: /breaks Coder Desktop/, suggestions: ['Remove `dir` (users then start in their home directory)'] }],
    },
  ],
});
