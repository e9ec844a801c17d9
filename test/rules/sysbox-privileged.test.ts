import { sysboxPrivileged } from '../../server/src/rules/sysbox-privileged';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(sysboxPrivileged, {
  valid: [
    {
      name: 'sysbox docker container without privileges',
      files: `${head}
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'privileged without sysbox is another rule\'s business',
      files: `${head}
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  network_mode = "host"
}
`,
    },
    {
      name: 'sysbox pod with privileged = false and host_network = false',
      files: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    runtime_class_name = "sysbox-runc"
    host_network       = false
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      security_context {
        privileged = false
      }
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'case 6: privileged = "true" (a string Terraform converts) under Sysbox',
      files: `${head}
resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  runtime    = "sysbox-runc"
  privileged = "true"
}
`,
      findings: [{ at: 'privileged = "true"', messageId: 'dockerConflict', message: /^`privileged = true` defeats Sysbox/, fixTitle: 'Remove `privileged = true`' }],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
}
`,
    },
    {
      name: 'docker: sysbox with privileged and host namespaces',
      files: `${head}
resource "docker_container" "workspace" {
  image        = "codercom/enterprise-base:ubuntu"
  runtime      = "sysbox-runc"
  privileged   = true
  network_mode = "host"
  pid_mode     = "host"
  command      = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [
        { at: 'privileged   = true', messageId: 'dockerConflict', message: /`privileged = true` defeats Sysbox/, fixTitle: 'Remove `privileged = true`' },
        { at: 'network_mode = "host"', messageId: 'dockerConflict', fixTitle: 'Remove `network_mode = "host"`' },
        { at: 'pid_mode     = "host"', messageId: 'dockerConflict', fixTitle: 'Remove `pid_mode = "host"`' },
      ],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'kubernetes: sysbox runtime class with a privileged container and host_pid',
      files: `${head}
resource "kubernetes_deployment_v1" "dev" {
  spec {
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        host_pid           = true
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
          security_context {
            run_as_user = 1000
            privileged  = true
          }
        }
      }
    }
  }
}
`,
      findings: [
        { at: 'privileged  = true', messageId: 'kubernetesConflict', message: /runtime_class_name = "sysbox-runc"/ },
        { at: 'host_pid           = true', messageId: 'kubernetesConflict', message: /`host_pid = true`/ },
      ],
      output: `${head}
resource "kubernetes_deployment_v1" "dev" {
  spec {
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
          security_context {
            run_as_user = 1000
          }
        }
      }
    }
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'case 6: privileged = "true" is privileged; given through a local, it is the user\'s switch to remove',
      files: `${head}
locals {
  privileged = "true"
}

resource "kubernetes_pod_v1" "dev" {
  spec {
    runtime_class_name = "sysbox-runc"
    host_network       = local.privileged
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      security_context {
        privileged = local.privileged
      }
    }
  }
}
`,
      findings: [
        { at: 'privileged = local.privileged', messageId: 'kubernetesConflict', message: /^`privileged = true` defeats Sysbox/ },
        { at: 'host_network       = local.privileged', messageId: 'kubernetesConflict', message: /^`host_network = true` defeats Sysbox/ },
      ],
    },
  ],
});
