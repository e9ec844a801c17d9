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
      name: 'case 4: a local-exec provisioner exports the token and runs coder agent',
      files: `${workspace}${agent()}
resource "null_resource" "agent" {
  provisioner "local-exec" {
    command = "export CODER_AGENT_TOKEN=\${coder_agent.main.token}; nohup coder agent >/tmp/agent.log 2>&1 &"
  }
}
`,
    },
    {
      name: 'case 4: a remote-exec provisioner inside a docker_container starts the agent',
      files: `${workspace}${agent()}
resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  provisioner "remote-exec" {
    inline = [
      "export CODER_AGENT_TOKEN=\${coder_agent.main.token}",
      "coder agent &",
    ]
  }
}
`,
    },
    {
      name: 'case 4: the token handed to a PaaS app\'s config vars, whose image starts the agent',
      files: `${workspace}${agent()}
resource "heroku_app" "workspace" {
  name   = "ws-\${data.coder_workspace.me.id}"
  region = "us"
  config_vars = {
    CODER_AGENT_TOKEN = coder_agent.main.token
    CODER_AGENT_URL   = data.coder_workspace.me.access_url
  }
}
`,
    },
    {
      name: 'case 4: the token in cloud-init user data and in VM metadata',
      files: `${workspace}${agent()}${agent('gcp')}
resource "aws_instance" "dev" {
  user_data = templatefile("cloud-init.yaml", { token = coder_agent.main.token })
}

resource "google_compute_instance" "dev" {
  metadata = {
    coder_agent_token = coder_agent.gcp.token
  }
}
`,
    },
    {
      name: 'a container whose own command runs coder agent with the token',
      files: `${workspace}${agent()}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", "curl -fsSL $CODER_URL/bin/coder-linux-amd64 -o /tmp/coder && /tmp/coder agent"]
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
          messageId: 'notStarted',
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
      findings: [{ at: 'sidecar', messageId: 'notStarted', message: /`coder_agent\.sidecar\.init_script`/ }],
    },
  ],
});
