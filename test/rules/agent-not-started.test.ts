import { agentNotStarted } from '../../server/src/rules/agent-not-started';
import { ruleTable } from '../helpers/ruleTester';

const agent = (name = 'main', extra = '') => `
resource "coder_agent" "${name}" {
  os   = "linux"
  arch = "amd64"
${extra}}
`;

const workspace = `data "coder_workspace" "me" {}
`;

ruleTable(agentNotStarted, {
  valid: [
    {
      name: 'a docker_container runs the init script',
      files: `${workspace}${agent()}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'envbox runs it as CODER_BOOTSTRAP_SCRIPT, from another file',
      files: {
        'agent.tf': `${workspace}${agent()}`,
        'pod.tf': `resource "kubernetes_pod" "main" {
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}
`,
      },
    },
    {
      name: 'a counted agent, indexed; a VM user_data inside a template',
      files: `${workspace}${agent('main', '  count = 1\n')}
resource "aws_instance" "dev" {
  user_data = <<EOT
#!/bin/bash
\${coder_agent.main[0].init_script}
EOT
}
`,
    },
    {
      name: 'the whole agent handed to a module',
      files: `${workspace}${agent()}
module "vm" {
  source = "./vm"
  agent  = coder_agent.main
}
`,
    },
    {
      name: 'an external agent is started by hand',
      files: `${workspace}${agent()}
resource "coder_external_agent" "main" {
  agent_id = coder_agent.main.id
}
`,
    },
  ],
  invalid: [
    {
      name: 'an agent of which only the token and id are used',
      files: `${workspace}${agent()}
resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}

resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "code"
}
`,
      findings: [
        {
          at: 'main',
          message: /^Nothing runs `coder_agent\.main\.init_script`, so this agent never starts.*command = \["sh", "-c", coder_agent\.main\.init_script\]/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'a second agent that nothing runs, while the first one is started',
      files: `${workspace}${agent()}${agent('sidecar')}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'sidecar', message: /`coder_agent\.sidecar\.init_script`/ }],
    },
  ],
});
