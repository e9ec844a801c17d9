import { dockerDaemonUnsupported } from '../../server/src/rules/docker-daemon-unsupported';
import { ruleTable } from '../helpers/ruleTester';

const agent = (startup: string) => `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = <<EOF
#!/bin/sh
${startup}
EOF
}
`;

const dockerWorkspace = (extra = '') => `
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "coder-\${data.coder_workspace.me.id}"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
${extra}}
`;

/** The user-namespace annotation the Sysbox fix adds beside `runtime_class_name` on Kubernetes. */
const USERNS = `    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
`;

const kubernetesPod = (spec = '', command = 'coder_agent.main.init_script', metadata = '') => `
resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
${metadata}  }
  spec {
${spec}    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", ${command}]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`;

/** A stateful set whose workspace starts dockerd, with lines added to its pod template's metadata and spec. */
const statefulSet = (metadata: string, spec: string) => `${agent('sudo dockerd &')}
resource "kubernetes_stateful_set_v1" "main" {
  metadata {
    name = "ws"
  }
  spec {
    service_name = "ws"
    template {
      metadata {
        labels = {
          app = "ws"
        }
${metadata}      }
      spec {
${spec}        container {
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
  }
}
`;

ruleTable(dockerDaemonUnsupported, {
  valid: [
    {
      name: 'the docs Sysbox Docker example',
      files: agent('# Start Docker\nsudo dockerd &') + dockerWorkspace('  runtime = "sysbox-runc"\n'),
    },
    {
      name: 'a Sysbox pod',
      files: agent('sudo dockerd &') + kubernetesPod('    runtime_class_name = "sysbox-runc"\n'),
    },
    {
      name: 'a privileged workspace container (privileged-container warns about that instead)',
      files: agent('sudo service docker start') + dockerWorkspace('  privileged = true\n'),
    },
    {
      name: 'privileged = "true" is privileged: Terraform converts the string (no Sysbox fix for a privileged pod)',
      files: agent('sudo dockerd &') + kubernetesPod().replace('      env {', '      security_context {\n        privileged = "true"\n      }\n      env {'),
    },
    {
      name: 'privileged or runtime from a variable: not known, so not reported',
      files:
        `variable "privileged" {\n  default = false\n}\nvariable "runtime" {\n  default = "runc"\n}\n` +
        agent('sudo dockerd &') +
        dockerWorkspace('  privileged = var.privileged\n').replace('resource "docker_container" "workspace"', 'resource "docker_container" "a"') +
        dockerWorkspace('  runtime = var.runtime\n').replace('resource "docker_container" "workspace"', 'resource "docker_container" "b"'),
    },
    {
      name: 'privileged through a local that reads "true"',
      files: `locals {\n  privileged = "true"\n}\n` + agent('sudo dockerd &') + dockerWorkspace('  privileged = local.privileged\n'),
    },
    {
      name: 'scripts that only mention dockerd, or use a remote daemon',
      files:
        agent('# dockerd runs in the sidecar\nif pgrep dockerd >/dev/null; then echo up; fi\nwhich dockerd || true\ndocker ps') +
        dockerWorkspace(),
    },
    {
      name: 'the docs privileged sidecar: dockerd runs in the sidecar, not in the workspace',
      files: `${agent('docker ps')}
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
}
${dockerWorkspace()}`,
    },
    {
      name: 'an envbox container starts the inner daemon itself',
      files: `${agent('sudo dockerd &')}
resource "kubernetes_pod" "envbox" {
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
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
      name: 'an agent that no container runs',
      files: agent('sudo dockerd &'),
    },
  ],
  invalid: [
    {
      name: 'docker_container without Sysbox; dockerd in the agent startup_script heredoc',
      files: agent('# Start Docker\nsudo dockerd &') + dockerWorkspace(),
      findings: [
        {
          at: 'dockerd',
          messageId: 'inStartupScript',
          occurrence: 0,
          message: /^dockerd cannot start in `docker_container\.workspace`: it is neither privileged nor running under Sysbox\. `dockerd` \(in the `startup_script` of `coder_agent\.main`\)/,
          fixTitle: 'Run the container under Sysbox (`runtime = "sysbox-runc"`)',
        },
      ],
      output: agent('# Start Docker\nsudo dockerd &') + dockerWorkspace('  runtime = "sysbox-runc"\n'),
    },
    {
      name: 'a Kubernetes pod; `service docker start` in the startup script',
      files: agent('sudo service docker start\ndocker info') + kubernetesPod(),
      findings: [
        {
          at: 'service docker start',
          messageId: 'inStartupScript',
          message: /dockerd cannot start in container `dev` of `kubernetes_pod\.dev`/,
          fixTitle: 'Run the pod under Sysbox (`runtime_class_name = "sysbox-runc"`)',
        },
      ],
      output: agent('sudo service docker start\ndocker info') + kubernetesPod('    runtime_class_name = "sysbox-runc"\n', undefined, USERNS),
    },
    {
      name: 'dockerd started in the container command itself, through join() and an interpolation',
      files:
        agent('echo hi') +
        kubernetesPod('    restart_policy = "Never"\n', 'join(" && ", ["sudo /usr/bin/dockerd --log-level=warn &", coder_agent.main.init_script])'),
      findings: [{ at: 'dockerd', messageId: 'inContainer', message: /`dockerd` \(in its `command`\)/ }],
      output:
        agent('echo hi') +
        kubernetesPod(
          '    restart_policy     = "Never"\n    runtime_class_name = "sysbox-runc"\n',
          'join(" && ", ["sudo /usr/bin/dockerd --log-level=warn &", coder_agent.main.init_script])',
          USERNS,
        ),
    },
    {
      name: 'a deployment (the kubernetes starter\'s shape): runtime_class_name goes into the pod template spec',
      files: `${agent('sudo dockerd > /tmp/dockerd.log 2>&1 &')}
resource "kubernetes_deployment" "main" {
  count            = data.coder_workspace.me.start_count
  wait_for_rollout = false
  spec {
    replicas = 1
    template {
      spec {
        security_context {
          run_as_user = 1000
        }
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
  }
}
`,
      findings: [{ at: 'dockerd', messageId: 'inStartupScript', message: /container `dev` of `kubernetes_deployment\.main`/ }],
      output: `${agent('sudo dockerd > /tmp/dockerd.log 2>&1 &')}
resource "kubernetes_deployment" "main" {
  count            = data.coder_workspace.me.start_count
  wait_for_rollout = false
  spec {
    replicas = 1
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        security_context {
          run_as_user = 1000
        }
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
      metadata {
        annotations = {
          "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
        }
      }
    }
  }
}
`,
    },
    {
      name: 'a stateful set: the pod template spec gets the runtime class, the pod template metadata the annotation',
      files: statefulSet('', ''),
      findings: [{ at: 'dockerd', messageId: 'inStartupScript', message: /container `dev` of `kubernetes_stateful_set_v1\.main`/ }],
      output: statefulSet(
        '        annotations = {\n          "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"\n        }\n',
        '        runtime_class_name = "sysbox-runc"\n',
      ),
    },
    {
      name: 'a coder_script attached to the agent starts Docker with systemctl',
      files: `${agent('echo hi')}${dockerWorkspace()}
resource "coder_script" "docker" {
  agent_id     = coder_agent.main.id
  display_name = "Docker"
  run_on_start = true
  script       = "sudo systemctl start docker"
}
`,
      findings: [{ at: 'systemctl start docker', messageId: 'inCoderScript', message: /`coder_script\.docker`, which runs on `coder_agent\.main`/ }],
    },
  ],
  noFix: [
    {
      name: 'a kubernetes provider pinned below 2.16.0 has no runtime_class_name: no fix that would break the plan',
      files: `terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.12.0"
    }
  }
}
${agent('sudo dockerd &')}${kubernetesPod()}`,
      findings: [{ at: 'dockerd', messageId: 'inStartupScript', message: /container `dev` of `kubernetes_pod\.dev`/ }],
    },
    {
      name: 'pod annotations built by merge(): the annotation Sysbox needs cannot be added, so no fix',
      files: agent('sudo dockerd &') + kubernetesPod('', undefined, '    annotations = merge(var.annotations, { team = "a" })\n'),
      findings: [{ at: 'dockerd', messageId: 'inStartupScript' }],
    },
    {
      name: 'another container of the pod is privileged: Sysbox for the whole pod would conflict with it',
      files: agent('sudo dockerd &') + kubernetesPod().replace('    container {\n      name    = "dev"', '    container {\n      name  = "tools"\n      image = "alpine"\n      security_context {\n        privileged = true\n      }\n    }\n    container {\n      name    = "dev"'),
      findings: [{ at: 'dockerd', messageId: 'inStartupScript' }],
    },
    {
      name: 'a docker workspace on the host network: Sysbox refuses it, so no fix',
      files: agent('sudo dockerd &') + dockerWorkspace('  network_mode = "host"\n'),
      findings: [{ at: 'dockerd', messageId: 'inStartupScript' }],
    },
    {
      name: 'a docker runtime chosen by a conditional that reads runc',
      files: `locals {\n  gpu = false\n}\n${agent('sudo dockerd &')}${dockerWorkspace('  runtime = local.gpu ? "nvidia" : "runc"\n')}`,
      findings: [{ at: 'dockerd', messageId: 'inStartupScript' }],
    },
  ],
});
