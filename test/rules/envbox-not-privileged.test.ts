import { envboxNotPrivileged } from '../../server/src/rules/envbox-not-privileged';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/** A Kubernetes envbox pod whose outer container has the given extra lines (already indented). */
const pod = (type: string, container: string) => `${head}
resource "${type}" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
${container}    }
  }
}
`;

const docker = (extra: string) => `${head}
resource "docker_container" "workspace" {
  count = data.coder_workspace.me.start_count
  image = "ghcr.io/coder/envbox:0.6.7"
  name  = "coder-\${data.coder_workspace.me.id}"
${extra}  env   = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`;

ruleTable(envboxNotPrivileged, {
  valid: [
    { name: 'Kubernetes envbox with security_context { privileged = true }', files: pod('kubernetes_pod_v1', '      security_context {\n        privileged = true\n      }\n') },
    { name: 'docker envbox with privileged = true', files: docker('  privileged = true\n') },
    { name: 'privileged from a variable may be true', files: `variable "privileged" {\n  default = true\n}\n${docker('  privileged = var.privileged\n')}` },
    {
      name: 'near miss: an unprivileged container whose image is not envbox',
      files: `${head}
resource "docker_container" "workspace" {
  image = "ghcr.io/coder/envbuilder:latest"
  env   = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`,
    },
    { name: 'plain module, not a Coder template', files: 'resource "docker_container" "x" {\n  image = "ghcr.io/coder/envbox:latest"\n}\n' },
  ],
  invalid: [
    {
      name: 'Kubernetes pod without security_context: the block is created',
      files: pod('kubernetes_pod', ''),
      findings: [
        {
          at: '"ghcr.io/coder/envbox:latest"',
          messageId: 'notPrivileged',
          message: /^Container `dev` of `kubernetes_pod\.main` runs envbox but is not privileged: .*workspace never starts/,
          fixTitle: 'Set `privileged = true`',
        },
      ],
      output: pod('kubernetes_pod', '      security_context {\n        privileged = true\n      }\n'),
    },
    {
      name: 'deployment with a security_context that lacks privileged',
      files: `${head}
resource "kubernetes_deployment_v1" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "dev"
          image = "ghcr.io/coder/envbox:latest"
          security_context {
            run_as_user = 0
          }
        }
      }
    }
  }
}
`,
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'notPrivileged', fixTitle: 'Set `privileged = true`' }],
      output: `${head}
resource "kubernetes_deployment_v1" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "dev"
          image = "ghcr.io/coder/envbox:latest"
          security_context {
            run_as_user = 0
            privileged  = true
          }
        }
      }
    }
  }
}
`,
    },
    {
      name: 'explicit privileged = false in the security_context is flipped',
      files: pod('kubernetes_pod_v1', '      security_context {\n        privileged = false\n      }\n'),
      findings: [{ at: 'privileged = false', messageId: 'notPrivileged', message: /runs envbox but is not privileged/ }],
      output: pod('kubernetes_pod_v1', '      security_context {\n        privileged = true\n      }\n'),
    },
    {
      name: 'docker envbox without privileged: the attribute is added and aligned',
      files: docker(''),
      findings: [{ at: '"ghcr.io/coder/envbox:0.6.7"', messageId: 'notPrivileged', message: /^`docker_container\.workspace` runs envbox but is not privileged/ }],
      output: `${head}
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "ghcr.io/coder/envbox:0.6.7"
  name       = "coder-\${data.coder_workspace.me.id}"
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  privileged = true
}
`,
    },
  ],
  noFix: [
    {
      name: 'privileged = false through a local: known false, but the local is the user\'s switch',
      files: `locals {\n  privileged = false\n}\n${docker('  privileged = local.privileged\n')}`,
      findings: [{ at: 'privileged = local.privileged', messageId: 'notPrivileged', message: /runs envbox but is not privileged/ }],
    },
  ],
});
