# rootless-podman: a Coder workspace template that runs Docker inside the workspace.
# Method: Rootless Podman, see https://coder.com/docs/admin/templates/extending-templates/docker-in-workspaces#rootless-podman
# README.md lists what the hosts need, the security trade-off, and how to push the template.

terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.17"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 3.0"
    }
  }
}

provider "coder" {}

data "coder_provisioner" "me" {}

data "coder_workspace" "me" {}

data "coder_workspace_owner" "me" {}

variable "use_kubeconfig" {
  type        = bool
  default     = false
  description = "Use ~/.kube/config of the provisioner to reach the cluster. Leave false when Coder runs in the cluster and uses its service account."
}

variable "namespace" {
  type        = string
  default     = "coder-workspaces"
  description = "Namespace the workspaces run in. It must exist, and Coder's service account must be allowed to manage pods and persistent volume claims in it."
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.namespace)) && length(var.namespace) <= 63
    error_message = "The namespace must be a DNS label: lower-case letters, digits and hyphens, at most 63 characters."
  }
}

# Chosen by each user when they create a workspace, as in Coder's own Kubernetes template. CPU and
# memory can be changed on a restart; the home volume cannot shrink, so its size is set once.
data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  description  = "CPU of the workspace as a Kubernetes quantity (2, 1.5 or 500m), requested and used as the limit."
  type         = "string"
  default      = "2"
  icon         = "/icon/memory.svg"
  mutable      = true
  order        = 1
  validation {
    regex = "^([1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*m)$"
    error = "Give a positive CPU quantity such as 2, 1.5 or 500m."
  }
}

data "coder_parameter" "memory" {
  name         = "memory"
  display_name = "Memory"
  description  = "Memory of the workspace as a Kubernetes quantity with a unit (512Mi, 4Gi), requested and used as the limit."
  type         = "string"
  default      = "4Gi"
  icon         = "/icon/memory.svg"
  mutable      = true
  order        = 2
  validation {
    regex = "^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)$"
    error = "Give a memory quantity with a unit, such as 512Mi or 4Gi."
  }
}

data "coder_parameter" "home_disk_size" {
  name         = "home_disk_size"
  display_name = "Home disk size"
  description  = "Size of the persistent volume that holds the home folder (10Gi, 1Ti)."
  type         = "string"
  default      = "10Gi"
  icon         = "/emojis/1f4be.png"
  mutable      = false
  order        = 3
  validation {
    regex = "^[1-9][0-9]*(Mi|Gi|Ti)$"
    error = "Give a size such as 10Gi."
  }
}

provider "kubernetes" {
  # null makes the provider use the in-cluster service account.
  config_path = var.use_kubeconfig ? "~/.kube/config" : null
}

resource "coder_agent" "main" {
  arch           = data.coder_provisioner.me.arch
  os             = "linux"
  startup_script = <<-EOT
    # Rootless Podman needs no daemon (the image links docker to podman). Check once that it can run
    # containers: a failure here usually means the node gave no FUSE device or has user namespaces off.
    if ! podman info >/dev/null 2>&1; then
      echo "podman info failed; check the FUSE device plugin and user.max_user_namespaces on this node" >&2
      exit 1
    fi
  EOT

  # Git commits work right away, as the workspace owner.
  env = {
    GIT_AUTHOR_NAME     = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL    = data.coder_workspace_owner.me.email
    GIT_COMMITTER_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_COMMITTER_EMAIL = data.coder_workspace_owner.me.email
  }

  metadata {
    display_name = "CPU Usage"
    key          = "cpu"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "RAM Usage"
    key          = "mem"
    script       = "coder stat mem"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Home Disk"
    key          = "home"
    script       = "coder stat disk --path $HOME"
    interval     = 60
    timeout      = 1
  }

  metadata {
    display_name = "CPU Usage (Host)"
    key          = "cpu_host"
    script       = "coder stat cpu --host"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Memory Usage (Host)"
    key          = "mem_host"
    script       = "coder stat mem --host"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Load Average (Host)"
    key          = "load_host"
    # The load average divided by the number of cores.
    script   = <<-EOT
      echo "`cat /proc/loadavg | awk '{ print $1 }'` `nproc`" | awk '{ printf "%0.2f", $1/$2 }'
    EOT
    interval = 60
    timeout  = 1
  }

  metadata {
    display_name = "Swap Usage (Host)"
    key          = "swap_host"
    script       = <<-EOT
      free -b | awk '/^Swap/ { printf("%.1f/%.1f", $3/1024.0/1024.0/1024.0, $2/1024.0/1024.0/1024.0) }'
    EOT
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Podman"
    key          = "engine"
    script       = "podman info >/dev/null 2>&1 && echo ready || echo 'not ready'"
    interval     = 30
    timeout      = 5
  }
}

# IDEs from Coder's module registry, pinned like Coder's own templates: every 1.x release, no 2.0.
# See https://registry.coder.com/modules/coder/code-server
module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  order    = 1
}

# The home volume outlives the pod: it is created once per workspace and deleted with the workspace.
# Its name uses the workspace id, so renaming the workspace keeps the data.
resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name      = "coder-${data.coder_workspace.me.id}-home"
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/name"     = "coder-pvc"
      "app.kubernetes.io/instance" = "coder-pvc-${data.coder_workspace.me.id}"
      "app.kubernetes.io/part-of"  = "coder"
      "com.coder.resource"         = "true"
      "com.coder.workspace.id"     = data.coder_workspace.me.id
      "com.coder.workspace.name"   = data.coder_workspace.me.name
      "com.coder.user.id"          = data.coder_workspace_owner.me.id
      "com.coder.user.username"    = data.coder_workspace_owner.me.name
    }
  }
  # Storage classes with WaitForFirstConsumer bind the claim only once the pod starts.
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = data.coder_parameter.home_disk_size.value
      }
    }
  }
}

resource "kubernetes_pod_v1" "workspace" {
  count      = data.coder_workspace.me.start_count
  depends_on = [kubernetes_persistent_volume_claim_v1.home]
  metadata {
    name      = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/name"     = "coder-workspace"
      "app.kubernetes.io/instance" = "coder-workspace-${data.coder_workspace.me.id}"
      "app.kubernetes.io/part-of"  = "coder"
      "com.coder.resource"         = "true"
      "com.coder.workspace.id"     = data.coder_workspace.me.id
      "com.coder.workspace.name"   = data.coder_workspace.me.name
      "com.coder.user.id"          = data.coder_workspace_owner.me.id
      "com.coder.user.username"    = data.coder_workspace_owner.me.name
    }
    annotations = {
      # Podman needs AppArmor unconfined on Debian and Ubuntu nodes. The key ends in the container's
      # name ("dev"); rename both together. Kubernetes 1.30 prefers a securityContext field that the
      # Terraform provider does not offer yet, so the annotation is still the way to set it.
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }
  spec {
    # The agent binary is built for the provisioner's architecture; keep the pod on matching nodes.
    node_selector = {
      "kubernetes.io/arch" = data.coder_provisioner.me.arch
    }
    # Rootless: no privileged mode and no custom runtime; Podman maps users inside its own namespaces.
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name              = "dev"
      image             = "ghcr.io/coder/podman:ubuntu"
      image_pull_policy = "Always"
      command           = ["/bin/bash", "-c", coder_agent.main.init_script]
      security_context {
        run_as_user = 1000
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      resources {
        requests = {
          cpu    = data.coder_parameter.cpu.value
          memory = data.coder_parameter.memory.value
        }
        limits = {
          cpu    = data.coder_parameter.cpu.value
          memory = data.coder_parameter.memory.value
          # One FUSE device for fuse-overlayfs, from the FUSE device plugin on the node.
          "github.com/fuse" = 1
        }
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/podman"
        read_only  = false
      }
    }
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home.metadata[0].name
        read_only  = false
      }
    }
  }
}

# Shown on the workspace page in Coder.
resource "coder_metadata" "workspace" {
  count       = data.coder_workspace.me.start_count
  resource_id = kubernetes_pod_v1.workspace[0].id
  item {
    key   = "method"
    value = "Rootless Podman"
  }
  item {
    key   = "image"
    value = "ghcr.io/coder/podman:ubuntu"
  }
}
