import { agentNameInvalid } from '../../server/src/rules/agent-name-invalid';
import { ruleTable } from '../helpers/ruleTester';

const workspace = `data "coder_workspace" "me" {}
`;

ruleTable(agentNameInvalid, {
  valid: [
    {
      name: 'letters, digits and single hyphens, in any case',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "Dev-Box2" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
    {
      name: 'underscores elsewhere: other resources, variables, locals',
      files: `${workspace}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code_server" {
  agent_id = coder_agent.main.id
  slug     = "code-server"
}

locals {
  agent_user = "coder"
}
`,
    },
    {
      name: 'not a Coder template',
      files: `resource "coder_agent_like" "dev_box" {}
`,
    },
  ],
  invalid: [
    {
      name: 'an underscore: renamed with hyphens, references in every file too',
      files: {
        'main.tf': `${workspace}
resource "coder_agent" "dev_box" {
  os   = "linux"
  arch = "amd64"
}
`,
        'container.tf': `resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  entrypoint = ["sh", "-c", coder_agent.dev_box.init_script]
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.dev_box.token}"]
  depends_on = [coder_agent.dev_box]
}
`,
      },
      findings: [
        {
          at: 'dev_box',
          messageId: 'underscores',
          message: /^Coder names an agent after its resource label, and refuses underscores there: importing this template fails with `agent name "dev_box" contains underscores which are no longer supported, please use hyphens instead \(regex: "\(\?i\)\^\[a-z0-9\]\(-\?\[a-z0-9\]\)\*\$"\)`\. Use hyphens\.$/,
          fixTitle: 'Rename the agent to `dev-box`',
        },
      ],
      output: {
        'main.tf': `${workspace}
resource "coder_agent" "dev-box" {
  os   = "linux"
  arch = "amd64"
}
`,
        'container.tf': `resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  entrypoint = ["sh", "-c", coder_agent.dev-box.init_script]
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.dev-box.token}"]
  depends_on = [coder_agent.dev-box]
}
`,
      },
    },
  ],
  noFix: [
    {
      name: 'hyphens in the wrong places: no fix',
      files: `${workspace}
resource "coder_agent" "main-" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev--1" {
  os   = "linux"
  arch = "amd64"
}
`,
      findings: [
        { at: 'main-', messageId: 'notHyphenated', message: /does not match regex "\(\?i\)\^\[a-z0-9\]\(-\?\[a-z0-9\]\)\*\$"/ },
        { at: 'dev--1', messageId: 'notHyphenated' },
      ],
    },
    {
      name: 'the hyphenated name is taken by another agent: no fix',
      files: `${workspace}
resource "coder_agent" "dev_box" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "Dev-Box" {
  os   = "linux"
  arch = "amd64"
}
`,
      findings: [{ at: 'dev_box', messageId: 'underscores' }],
    },
  ],
});
