/**
 * Benchmark inputs: Coder templates that mix the seven Docker-in-workspace methods. Every "unit" is one
 * workspace (variables, locals, an agent with a heredoc startup script, apps, compute) with its own names,
 * so the module index holds as many distinct declarations and references as a real big template would.
 * Deterministic: the same seed gives the same text.
 */

export const METHODS = [
  'sysbox-docker',
  'sysbox-kubernetes',
  'envbox',
  'rootless-podman',
  'privileged-sidecar-docker',
  'privileged-sidecar-kubernetes',
  'systemd-sysbox',
] as const;

export type Method = (typeof METHODS)[number];

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = ['codercom/enterprise-base:ubuntu', 'codercom/enterprise-node:ubuntu', 'codercom/enterprise-golang:ubuntu', 'codercom/enterprise-java:ubuntu'];
const TOOLS = ['jq', 'ripgrep', 'make', 'htop', 'tmux', 'shellcheck', 'unzip', 'git-lfs'];
const REPOS = ['api', 'web', 'infra', 'docs', 'mobile', 'platform', 'billing', 'search'];

interface Ctx {
  r: () => number;
  /** Unique suffix of this unit's names. */
  s: string;
  /** Owner name expression: mostly the current one, now and then the removed `owner` attribute. */
  owner: string;
  /** Whether the compute is gated by start_count (a few are not: a realistic finding). */
  counted: boolean;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function header(r: () => number, title: string): string {
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

function commonPart(c: Ctx, method: Method): string {
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

function counted(c: Ctx): string {
  return c.counted ? '  count = data.coder_workspace.me.start_count\n' : '';
}

function idx(c: Ctx): string {
  return c.counted ? '[0]' : '';
}

function dockerLabels(): string {
  return `
  labels {
    label = "coder.owner"
    value = data.coder_workspace_owner.me.name
  }
  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }`;
}

function dockerVolume(c: Ctx): string {
  return `
resource "docker_volume" "home_${c.s}" {
  name = "coder-\${data.coder_workspace.me.id}-${c.s}-home"
  lifecycle {
    ignore_changes = all
  }
  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }
}
`;
}

function k8sMetadata(c: Ctx, annotations: boolean): string {
  return `  metadata {
    name      = local.name_${c.s}
    namespace = var.namespace
    labels    = local.labels_${c.s}
${annotations ? `    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
      "com.coder.workspace.owner"       = data.coder_workspace_owner.me.name
    }
` : ''}  }`;
}

function k8sPvc(c: Ctx): string {
  return `
resource "kubernetes_persistent_volume_claim_v1" "home_${c.s}" {
  metadata {
    name      = "\${local.name_${c.s}}-home"
    namespace = var.namespace
    labels    = local.labels_${c.s}
  }
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "${10 + Math.floor(c.r() * 40)}Gi"
      }
    }
  }
}
`;
}

function k8sResources(extra = ''): string {
  return `      resources {
        requests = {
          cpu    = "250m"
          memory = "512Mi"
        }
        limits = {
          cpu    = "\${data.coder_parameter.cpu.value}"
          memory = "\${data.coder_parameter.memory.value}Gi"${extra}
        }
      }`;
}

function homeVolume(c: Ctx): string {
  return `    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home_${c.s}.metadata.0.name
        read_only  = false
      }
    }`;
}

function agentEnvBlocks(c: Ctx, extra: Array<[string, string]> = []): string {
  const all: Array<[string, string]> = [['CODER_AGENT_TOKEN', `coder_agent.${c.s}.token`], ...extra];
  return all
    .map(
      ([k, v]) => `      env {
        name  = "${k}"
        value = ${v}
      }`,
    )
    .join('\n');
}

function compute(c: Ctx, method: Method): string {
  const { s } = c;
  switch (method) {
    case 'sysbox-docker':
      return `${dockerVolume(c)}
resource "docker_container" "workspace_${s}" {
${counted(c)}  image    = var.image_${s}
  name     = local.name_${s}
  hostname = data.coder_workspace.me.name
  # Use the Sysbox container runtime (required)
  runtime  = "sysbox-runc"
  command  = ["sh", "-c", replace(coder_agent.${s}.init_script, "/localhost|127\\\\.0\\\\.0\\\\.1/", "host.docker.internal")]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.${s}.token}",
    "CODER_WORKSPACE_NAME=\${data.coder_workspace.me.name}",
  ]
  host {
    host = "host.docker.internal"
    ip   = "host-gateway"
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home_${s}.name
    read_only      = false
  }${dockerLabels()}
}
`;
    case 'privileged-sidecar-docker':
      return `${dockerVolume(c)}
resource "docker_network" "private_${s}" {
  name = "network-\${data.coder_workspace.me.id}-${s}"
}

resource "docker_container" "dind_${s}" {
${counted(c)}  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}-${s}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  networks_advanced {
    name = docker_network.private_${s}.name
  }
}

resource "docker_container" "workspace_${s}" {
${counted(c)}  image   = var.image_${s}
  name    = local.name_${s}
  command = ["sh", "-c", coder_agent.${s}.init_script]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.${s}.token}",
    "DOCKER_HOST=\${docker_container.dind_${s}${idx(c)}.name}:2375",
  ]
  networks_advanced {
    name = docker_network.private_${s}.name
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home_${s}.name
    read_only      = false
  }${dockerLabels()}
}
`;
    case 'sysbox-kubernetes':
      return `${k8sPvc(c)}
resource "kubernetes_pod" "dev_${s}" {
${counted(c)}${k8sMetadata(c, true)}
  spec {
    # Use the Sysbox container runtime (required)
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      image   = var.image_${s}
      command = ["sh", "-c", coder_agent.${s}.init_script]
${agentEnvBlocks(c)}
${k8sResources()}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
    case 'systemd-sysbox':
      return `${k8sPvc(c)}
resource "kubernetes_pod" "systemd_${s}" {
${counted(c)}${k8sMetadata(c, true)}
  spec {
    # Use Sysbox container runtime (required)
    runtime_class_name = "sysbox-runc"
    # Run as root in order to start systemd (required)
    security_context {
      run_as_user = 0
      fs_group    = 0
    }
    container {
      name  = "dev"
      image = var.image_${s}
${agentEnvBlocks(c)}
      command = ["sh", "-c", <<EOF
    # Start the Coder agent as the "coder" user once systemd has started up
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
    while [[ ! $(systemctl is-system-running) =~ ^(running|degraded) ]]
    do
      echo "Waiting for system to start... $(systemctl is-system-running)"
      sleep 2
    done
    \${coder_agent.${s}.init_script}
    EOT

    exec /sbin/init
    EOF
      ]
${k8sResources()}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
    case 'envbox':
      return `${k8sPvc(c)}
resource "kubernetes_pod" "envbox_${s}" {
${counted(c)}${k8sMetadata(c, false)}
  spec {
    restart_policy = "Never"
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      # Required: the outer envbox container runs Sysbox and dockerd.
      security_context {
        privileged = true
      }
${k8sResources()}
${agentEnvBlocks(c, [
  ['CODER_AGENT_URL', 'data.coder_workspace.me.access_url'],
  ['CODER_INNER_IMAGE', `var.image_${s}`],
  ['CODER_INNER_USERNAME', '"coder"'],
  ['CODER_BOOTSTRAP_SCRIPT', `coder_agent.${s}.init_script`],
  ['CODER_MOUNTS', '"/home/coder:/home/coder"'],
  ['CODER_ADD_FUSE', '"true"'],
  ['CODER_INNER_HOSTNAME', 'data.coder_workspace.me.name'],
])}
      env {
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "registry-${s.replace(/_/g, '-')}"
            key  = ".dockerconfigjson"
          }
        }
      }
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        sub_path   = "home"
        read_only  = false
      }
      volume_mount {
        mount_path = "/var/lib/coder/docker"
        name       = "home"
        sub_path   = "cache/docker"
        read_only  = false
      }
      volume_mount {
        mount_path = "/var/lib/sysbox"
        name       = "sysbox"
        read_only  = false
      }
      volume_mount {
        mount_path = "/usr/src"
        name       = "usr-src"
        read_only  = true
      }
      volume_mount {
        mount_path = "/lib/modules"
        name       = "lib-modules"
        read_only  = true
      }
    }
${homeVolume(c)}
    volume {
      name = "sysbox"
      empty_dir {}
    }
    volume {
      name = "usr-src"
      host_path {
        path = "/usr/src"
        type = "Directory"
      }
    }
    volume {
      name = "lib-modules"
      host_path {
        path = "/lib/modules"
        type = "Directory"
      }
    }
  }
}
`;
    case 'rootless-podman':
      return `${k8sPvc(c)}
resource "kubernetes_pod" "podman_${s}" {
${counted(c)}${k8sMetadata(c, false)}
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      image   = "ghcr.io/coder/podman:ubuntu"
      command = ["sh", "-c", coder_agent.${s}.init_script]
      security_context {
        run_as_user = 1000
      }
${agentEnvBlocks(c)}
${k8sResources('\n          "smarter-devices/fuse" = 1')}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
    case 'privileged-sidecar-kubernetes':
      return `${k8sPvc(c)}
resource "kubernetes_deployment" "sidecar_${s}" {
${counted(c)}  wait_for_rollout = false
${k8sMetadata(c, false)}
  spec {
    replicas = 1
    selector {
      match_labels = local.labels_${s}
    }
    strategy {
      type = "Recreate"
    }
    template {
      metadata {
        labels = local.labels_${s}
      }
      spec {
        # Run a privileged dind (Docker in Docker) container
        container {
          name    = "docker-sidecar"
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
          security_context {
            privileged  = true
            run_as_user = 0
          }
        }
        container {
          name    = "dev"
          image   = var.image_${s}
          command = ["sh", "-c", coder_agent.${s}.init_script]
          security_context {
            run_as_user = "1000"
          }
          env {
            name  = "CODER_AGENT_TOKEN"
            value = coder_agent.${s}.token
          }
          # Use the Docker daemon in the "docker-sidecar" container
          env {
            name  = "DOCKER_HOST"
            value = "localhost:2375"
          }
          volume_mount {
            mount_path = "/home/coder"
            name       = "home"
            read_only  = false
          }
        }
        volume {
          name = "home"
          persistent_volume_claim {
            claim_name = kubernetes_persistent_volume_claim_v1.home_${s}.metadata.0.name
            read_only  = false
          }
        }
      }
    }
  }
}
`;
  }
}

function metadataPart(c: Ctx, method: Method): string {
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

export interface Generated {
  text: string;
  lines: number;
  methods: Method[];
}

/** A template of at least `targetLines` lines, units rotating through the methods from `firstMethod`. */
export function generateTemplate(targetLines: number, seed: number, firstMethod = 0): Generated {
  const r = rng(seed);
  let text = header(r, `Benchmark template (seed ${seed}, about ${targetLines} lines)`);
  const methods: Method[] = [];
  let lines = text.split('\n').length;
  for (let i = 0; lines < targetLines; i++) {
    const method = METHODS[(firstMethod + i) % METHODS.length];
    const c: Ctx = {
      r,
      s: `${method.replace(/-/g, '_').replace(/^privileged_sidecar/, 'sidecar')}_${seed.toString(36)}_${i}`,
      owner: r() < 0.1 ? 'data.coder_workspace.me.owner' : 'data.coder_workspace_owner.me.name',
      counted: r() < 0.95,
    };
    const unit = commonPart(c, method) + compute(c, method) + metadataPart(c, method);
    const unitLines = unit.split('\n').length - 1;
    // Stop short when one more unit would overshoot by more than it would miss (but keep one unit).
    if (methods.length && lines + unitLines - targetLines > targetLines - lines) break;
    text += unit;
    lines += unitLines;
    methods.push(method);
  }
  return { text, lines: text.split('\n').length, methods };
}
