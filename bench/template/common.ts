/** The parts of a benchmark template every method shares: the header, each unit's variables, agent and app, and its metadata. */
import { Ctx, idx, Method, pick } from './context';

const IMAGES = ['codercom/enterprise-base:ubuntu', 'codercom/enterprise-node:ubuntu', 'codercom/enterprise-golang:ubuntu', 'codercom/enterprise-java:ubuntu'];
const TOOLS = ['jq', 'ripgrep', 'make', 'htop', 'tmux', 'shellcheck', 'unzip', 'git-lfs'];
const REPOS = ['api', 'web', 'infra', 'docs', 'mobile', 'platform', 'billing', 'search'];

export function header(r: () => number, title: string): string {
  return `# ${title}
# Generated for the coder-dind benchmark: a Coder template that runs Docker inside the workspace.

terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.0.0"
    }
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.${16 + Math.floor(r() * 20)}.0"
    }
  }
}

provider "coder" {}

provider "docker" {}

variable "use_kubeconfig" {
  type        = bool
  description = "Use the host's kubeconfig instead of the in-cluster service account."
  default     = false
}

variable "namespace" {
  type        = string
  description = "The Kubernetes namespace to create workspaces in (must exist)."
  default     = "coder-workspaces"
}

provider "kubernetes" {
  config_path = var.use_kubeconfig ? "~/.kube/config" : null
}

data "coder_provisioner" "me" {}

data "coder_workspace" "me" {}

data "coder_workspace_owner" "me" {}

data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  description  = "The number of CPU cores"
  default      = "2"
  icon         = "/icon/memory.svg"
  mutable      = true
  option {
    name  = "2 Cores"
    value = "2"
  }
  option {
    name  = "4 Cores"
    value = "4"
  }
}

data "coder_parameter" "memory" {
  name         = "memory"
  display_name = "Memory"
  description  = "The amount of memory in GB"
  default      = "4"
  icon         = "/icon/memory.svg"
  mutable      = true
  validation {
    min = 2
    max = 16
  }
}
`;
}

export function commonPart(c: Ctx, method: Method): string {
  const { r, s } = c;
  const tools = TOOLS.filter(() => r() < 0.5);
  const repo = pick(r, REPOS);
  return `
# ---- workspace ${s}: ${method} ----------------------------------------------------------------

variable "image_${s}" {
  type        = string
  description = "The image of the ${s} workspace."
  default     = "${pick(r, IMAGES)}"
}

variable "port_${s}" {
  type    = number
  default = ${13000 + Math.floor(r() * 900)}
}

locals {
  name_${s} = "coder-\${${c.owner}}-\${lower(data.coder_workspace.me.name)}-${s}"
  labels_${s} = {
    "app.kubernetes.io/name"     = "coder-workspace"
    "app.kubernetes.io/instance" = "coder-workspace-${s}"
    "app.kubernetes.io/part-of"  = "coder"
    "com.coder.resource"         = "true"
    "com.coder.workspace.id"     = data.coder_workspace.me.id
    "com.coder.user.id"          = data.coder_workspace_owner.me.id
  }
}

resource "coder_agent" "${s}" {
  arch           = data.coder_provisioner.me.arch
  os             = "linux"
  dir            = "/home/coder"
  startup_script = <<-EOT
    #!/bin/sh
    set -e
    # Install the tools this workspace needs.
    sudo apt-get update -qq && sudo apt-get install -y -qq ${tools.join(' ') || 'curl'}
    ${method === 'rootless-podman' ? 'podman info > /dev/null' : method === 'envbox' || method.startsWith('privileged') ? 'docker info > /dev/null' : `sudo dockerd > /tmp/dockerd-${s}.log 2>&1 &`}
    for i in $(seq 1 30); do
      if ${method === 'rootless-podman' ? 'podman' : 'docker'} info > /dev/null 2>&1; then break; fi
      echo "waiting for the container engine ($i)"
      sleep 1
    done
    if [ ! -d ~/${repo} ]; then
      git clone https://github.com/example/${repo}.git ~/${repo} || true
    fi
    curl -fsSL https://code-server.dev/install.sh | sh -s -- --method=standalone --prefix=/tmp/code-server
    /tmp/code-server/bin/code-server --auth none --port \${var.port_${s}} > /tmp/code-server.log 2>&1 &
  EOT

  env = {
    GIT_AUTHOR_NAME     = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL    = data.coder_workspace_owner.me.email
    GIT_COMMITTER_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_COMMITTER_EMAIL = data.coder_workspace_owner.me.email
  }

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "RAM Usage"
    key          = "1_ram_usage"
    script       = "coder stat mem"
    interval     = 10
    timeout      = 1
  }
}

resource "coder_app" "code_server_${s}" {
  agent_id     = coder_agent.${s}.id
  slug         = "code-server-${s.replace(/_/g, '-')}"
  display_name = "code-server"
  url          = "http://localhost:\${var.port_${s}}/?folder=/home/coder/${repo}"
  icon         = "/icon/code.svg"
  subdomain    = false
  share        = "owner"

  healthcheck {
    url       = "http://localhost:\${var.port_${s}}/healthz"
    interval  = 5
    threshold = 6
  }
}
`;
}

export function metadataPart(c: Ctx, method: Method): string {
  const target: Record<Method, string> = {
    'sysbox-docker': `docker_container.workspace_${c.s}`,
    'privileged-sidecar-docker': `docker_container.workspace_${c.s}`,
    'sysbox-kubernetes': `kubernetes_pod.dev_${c.s}`,
    'systemd-sysbox': `kubernetes_pod.systemd_${c.s}`,
    envbox: `kubernetes_pod.envbox_${c.s}`,
    'rootless-podman': `kubernetes_pod.podman_${c.s}`,
    'privileged-sidecar-kubernetes': `kubernetes_deployment.sidecar_${c.s}`,
  };
  return `
resource "coder_metadata" "info_${c.s}" {
  count       = data.coder_workspace.me.start_count
  resource_id = ${target[method]}${idx(c)}.id
  item {
    key   = "method"
    value = "${method}"
  }
  item {
    key   = "image"
    value = var.image_${c.s}
  }
}
`;
}
