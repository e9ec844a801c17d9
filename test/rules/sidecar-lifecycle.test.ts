import { sidecarLifecycle } from '../../server/src/rules/sidecar-lifecycle';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const COUNT = 'count = data.coder_workspace.me.start_count';

/** The docs' privileged-sidecar Docker example, with optional count lines on the network and the sidecar. */
const template = (networkCount: string, dindCount: string, ref = '') => `${head}
resource "docker_network" "private_network" {
${networkCount}  name${networkCount ? ' ' : ''} = "network-\${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
${dindCount}  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  networks_advanced {
    name = docker_network.private_network${networkCount ? '[0]' : ''}.name
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-\${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
    "DOCKER_HOST=\${docker_container.dind${ref}.name}:2375",
  ]
  networks_advanced {
    name = docker_network.private_network${networkCount ? '[0]' : ''}.name
  }
}
`;

ruleTable(sidecarLifecycle, {
  valid: [
    { name: 'sidecar and network both counted by start_count', files: template(`  ${COUNT}\n`, `  ${COUNT.replace('count', 'count     ')}\n`, '[0]') },
    {
      name: 'near miss: a Kubernetes sidecar lives and dies with its pod',
      files: `${head}
resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "w"
  }
  spec {
    container {
      name    = "docker-sidecar"
      image   = "docker:dind"
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
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
      name: 'near miss: an unprivileged docker:cli helper beside a sysbox workspace is no dind sidecar',
      files: `${head}
resource "docker_container" "helper" {
  image = "docker:cli"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
  ],
  invalid: [
    {
      name: 'a network block written on one line is opened up, not broken',
      files: `${head}
resource "docker_network" "n" { name = "x" }

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  networks_advanced {
    name = docker_network.n.name
  }
}
`,
      findings: [{ at: 'resource "docker_network" "n"', messageId: 'networkNotCounted' }],
      output: `${head}
resource "docker_network" "n" {
  count = data.coder_workspace.me.start_count
  name  = "x"
}

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  networks_advanced {
    name = docker_network.n[0].name
  }
}
`,
    },
    {
      name: 'the docs example: sidecar and network without count; every reference is indexed',
      files: template('', ''),
      findings: [
        {
          at: 'resource "docker_container" "dind"',
          messageId: 'sidecarNotCounted',
          message: /^The dind sidecar `docker_container\.dind` has no `count = data\.coder_workspace\.<name>\.start_count`: .*privileged Docker daemon .* keeps running/,
          fixTitle: 'Add `count = data.coder_workspace.me.start_count` and index references with [0]',
        },
        {
          at: 'resource "docker_network" "private_network"',
          messageId: 'networkNotCounted',
          message: /^`docker_network\.private_network`, the network of the dind sidecar `docker_container\.dind`, has no `count = /,
          fixTitle: 'Add `count = data.coder_workspace.me.start_count` and index references with [0]',
        },
      ],
      output: template(`  ${COUNT}\n`, `  ${COUNT.replace('count', 'count     ')}\n`, '[0]'),
    },
    {
      name: 'a sidecar counted by something else',
      files: template(`  ${COUNT}\n`, '  count      = 1\n', '[0]'),
      findings: [{ at: 'count      = 1', messageId: 'sidecarCountedOtherwise', message: /is counted by `1`, not by the workspace's start_count/, fixTitle: 'Count docker_container.dind by `data.coder_workspace.me.start_count`' }],
      output: template(`  ${COUNT}\n`, `  ${COUNT.replace('count', 'count     ')}\n`, '[0]'),
    },
  ],
  noFix: [
    {
      name: 'case 9: a sidecar made optional by a condition keeps it; start_count goes where the condition holds (a suggestion)',
      files: `locals {\n  enable_dind = true\n}\n${template(`  ${COUNT}\n`, '  count      = local.enable_dind ? 1 : 0\n', '[0]')}`,
      findings: [
        {
          at: 'count      = local.enable_dind ? 1 : 0',
          messageId: 'sidecarCountedOtherwise',
          message: /is counted by `local\.enable_dind \? 1 : 0`, not by the workspace's start_count/,
          suggestions: ['Count docker_container.dind by `data.coder_workspace.me.start_count` where its condition holds'],
        },
      ],
      suggestionOutput: `locals {\n  enable_dind = true\n}\n${template(`  ${COUNT}\n`, '  count      = local.enable_dind ? data.coder_workspace.me.start_count : 0\n', '[0]')}`,
    },
    {
      name: 'a count from a variable, or a number other than 1: nothing to replace without guessing',
      files: `variable "dind_count" {\n  default = 1\n}\n${template(`  count = var.dind_count\n`, '  count      = 2\n', '[0]')}`,
      findings: [
        { at: 'count      = 2', messageId: 'sidecarCountedOtherwise', message: /is counted by `2`/ },
        { at: 'count = var.dind_count', messageId: 'networkCountedOtherwise', message: /the network of the dind sidecar/ },
      ],
    },
  ],
});
