import { agentTokenMissing } from '../../server/src/rules/agent-token-missing';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(agentTokenMissing, {
  valid: [
    {
      name: 'docker list env with the token',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'kubernetes env block with the token',
      files: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`,
    },
    {
      name: 'a container that does not run the agent needs no token',
      files: `${head}
resource "docker_container" "dind" {
  image = "docker:dind"
}
`,
    },
  ],
  invalid: [
    {
      name: 'docker with an env list lacking the token (multi-line list keeps its layout)',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "DOCKER_HOST=localhost:2375",
  ]
}
`,
      findings: [
        {
          at: 'coder_agent.main.init_script',
          message: /sets no CODER_AGENT_TOKEN/,
          fixTitle: 'Add CODER_AGENT_TOKEN = `coder_agent.main.token`',
        },
      ],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "DOCKER_HOST=localhost:2375",
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
  ]
}
`,
    },
    {
      name: 'docker without env gets an aligned env attribute',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'coder_agent.main.init_script' }],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`,
    },
    {
      name: 'kubernetes container gets an env block',
      files: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`,
      findings: [{ at: 'coder_agent.main.init_script' }],
      output: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`,
    },
    {
      name: 'a token from the wrong place',
      files: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = "literal"
      }
    }
  }
}
`,
      findings: [{ at: `env {
        name  = "CODER_AGENT_TOKEN"
        value = "literal"
      }`, message: /not taken from `coder_agent\.main\.token`/, fixTitle: 'Set CODER_AGENT_TOKEN from `coder_agent.main.token`' }],
      output: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`,
    },
  ],
});
