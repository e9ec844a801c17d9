import { workspaceStartCount } from '../../server/src/rules/workspace-start-count';
import { ruleTable } from '../helpers/ruleTester';

const agent = `resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(workspaceStartCount, {
  valid: [
    {
      name: 'counted by start_count',
      files: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'start_count inside a larger expression',
      files: `data "coder_workspace" "me" {}
variable "enabled" {
  default = true
}
${agent}
resource "kubernetes_pod_v1" "dev" {
  count = var.enabled ? data.coder_workspace.me.start_count : 0
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`,
    },
    {
      name: 'count known to be 0: never created, nothing keeps running',
      files: `data "coder_workspace" "me" {}
locals {
  enabled = false
}
${agent}
resource "docker_container" "workspace" {
  count   = local.enabled ? 1 : 0
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'start_count through a local',
      files: `data "coder_workspace" "me" {}
locals {
  running = data.coder_workspace.me.start_count
}
${agent}
resource "docker_container" "workspace" {
  count   = local.running
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'a container that does not run the agent is not the workspace',
      files: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "other" {
  image = "nginx"
}
`,
    },
  ],
  invalid: [
    {
      name: 'docker workspace without count: the fix indexes every reference',
      files: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_metadata" "info" {
  resource_id = docker_container.workspace.id
}

output "name" {
  value = docker_container.workspace.name
}
`,
      findings: [
        {
          at: 'resource "docker_container" "workspace"',
          messageId: 'notCounted',
          message: /has no `count = data\.coder_workspace\.<name>\.start_count`/,
          fixTitle: 'Add `count = data.coder_workspace.me.start_count` and index references with [0]',
        },
      ],
      output: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_metadata" "info" {
  resource_id = docker_container.workspace[0].id
}

output "name" {
  value = docker_container.workspace[0].name
}
`,
    },
    {
      name: 'no coder_workspace data source: the fix declares one',
      files: `${agent}
resource "kubernetes_pod_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`,
      findings: [{ at: 'resource "kubernetes_pod_v1" "dev"', messageId: 'notCounted' }],
      output: `${agent}
resource "kubernetes_pod_v1" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "dev"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

data "coder_workspace" "me" {}
`,
    },
    {
      // `data.coder_workspace.\uFFFDme.start_count` would not parse: "me" is declared, as when there is none.
      name: 'the only coder_workspace data source has a label that is no identifier: the fix declares one',
      files: `data "coder_workspace" "\uFFFDme" {}
${agent}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'notCounted', fixTitle: 'Add `count = data.coder_workspace.me.start_count` and index references with [0]' }],
      output: `data "coder_workspace" "\uFFFDme" {}
${agent}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}

data "coder_workspace" "me" {}
`,
    },
    {
      name: 'of two coder_workspace data sources, the one a reference can spell is used',
      files: `data "coder_workspace" "me\u{1E030}" {}
data "coder_workspace" "ws" {}
${agent}
resource "docker_container" "workspace" {
  count   = 1
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'count   = 1', messageId: 'countedOtherwise', fixTitle: 'Count docker_container.workspace by `data.coder_workspace.ws.start_count`' }],
      output: `data "coder_workspace" "me\u{1E030}" {}
data "coder_workspace" "ws" {}
${agent}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.ws.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'counted by something else',
      files: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "workspace" {
  count   = 1
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'count   = 1', messageId: 'countedOtherwise', message: /keeps running/, fixTitle: 'Count docker_container.workspace by `data.coder_workspace.me.start_count`' }],
      output: `data "coder_workspace" "me" {}
${agent}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
  ],
  noFix: [
    {
      name: 'a half-typed data "coder_workspace" block (one label) leaves no room to declare "me": Terraform\'s parser would refuse the file',
      files: `data "coder_workspace" {}
${agent}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'notCounted' }],
    },
    {
      name: 'case 9: a workspace made optional by a condition keeps it (a suggestion that puts start_count in place of the 1)',
      files: `data "coder_workspace" "me" {}
locals {
  enabled = true
}
${agent}
resource "docker_container" "workspace" {
  count   = local.enabled ? 1 : 0
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [
        {
          at: 'count   = local.enabled ? 1 : 0',
          messageId: 'countedOtherwise',
          suggestions: ['Count docker_container.workspace by `data.coder_workspace.me.start_count` where its condition holds'],
        },
      ],
      suggestionOutput: `data "coder_workspace" "me" {}
locals {
  enabled = true
}
${agent}
resource "docker_container" "workspace" {
  count   = local.enabled ? data.coder_workspace.me.start_count : 0
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'a count from a variable: the user\'s, not replaced',
      files: `data "coder_workspace" "me" {}
variable "replicas" {
  default = 1
}
${agent}
resource "docker_container" "workspace" {
  count   = var.replicas
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'count   = var.replicas', messageId: 'countedOtherwise', message: /is counted by `var\.replicas`/ }],
    },
  ],
});
