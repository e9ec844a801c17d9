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
      name: 'case 1: the token reaches the pod through a dynamic "env" over a local merge() with try()',
      files: `${head}
locals {
  agent_env = merge({ CODER_AGENT_TOKEN = try(coder_agent.main.token, "") }, var.extra_env)
}

resource "kubernetes_deployment_v1" "dev" {
  spec {
    template {
      spec {
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
          dynamic "env" {
            for_each = local.agent_env
            content {
              name  = env.key
              value = env.value
            }
          }
        }
      }
    }
  }
}
`,
    },
    {
      name: 'case 2: the docker env is concat() of a list holding the token and a for expression',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = concat(
    ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", "TZ=UTC"],
    [for k, v in var.extra_env : "\${k}=\${v}"],
  )
}
`,
    },
    {
      name: 'the token through a local, and an env the reader cannot see whole (a dynamic block over a variable)',
      files: `${head}
locals {
  token = coder_agent.main.token
}

resource "docker_container" "a" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${local.token}"]
}

resource "kubernetes_pod_v1" "b" {
  spec {
    container {
      name    = "dev"
      command = ["sh", "-c", coder_agent.main.init_script]
      dynamic "env" {
        for_each = var.env
        content {
          name  = env.key
          value = env.value
        }
      }
    }
  }
}
`,
    },
    {
      name: 'a token value the reader cannot see (a variable) is not reported',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${var.token}"]
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
          messageId: 'missingToken',
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
      findings: [{ at: 'coder_agent.main.init_script', messageId: 'missingToken' }],
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
      findings: [{ at: 'coder_agent.main.init_script', messageId: 'missingToken' }],
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
      }`, messageId: 'wrongToken', message: /not taken from `coder_agent\.main\.token`/, fixTitle: 'Set CODER_AGENT_TOKEN from `coder_agent.main.token`' }],
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
  noFix: [
    {
      name: 'a docker env built by concat() without the token: the list is the user\'s to extend',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = concat(["TZ=UTC"], ["LANG=C.UTF-8"])
}
`,
      findings: [{ at: 'coder_agent.main.init_script', messageId: 'missingToken', message: /sets no CODER_AGENT_TOKEN/ }],
    },
    {
      name: 'a wrong token from a local: known, but the local is the user\'s to change',
      files: `${head}
locals {
  token = "not-the-token"
}

resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = local.token
      }
    }
  }
}
`,
      findings: [{ at: 'env {\n        name  = "CODER_AGENT_TOKEN"\n        value = local.token\n      }', messageId: 'wrongToken', message: /not taken from `coder_agent\.main\.token`/ }],
    },
  ],
});
