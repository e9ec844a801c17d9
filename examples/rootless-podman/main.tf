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

variable "cpu" {
  type        = string
  default     = "2"
  description = "CPU of each workspace (Kubernetes quantity). Requested and used as the limit, so workspaces get what they ask for."
  validation {
    condition     = can(regex("^([1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*m)$", var.cpu))
    error_message = "Give a positive CPU quantity such as 2, 1.5 or 500m."
  }
}

variable "memory" {
  type        = string
  default     = "4Gi"
  description = "Memory of each workspace (Kubernetes quantity). Requested and used as the limit."
  validation {
    condition     = can(regex("^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)$", var.memory))
    error_message = "Give a memory quantity with a unit, such as 512Mi or 4Gi."
  }
}

variable "home_disk_size" {
  type        = string
  default     = "10Gi"
  description = "Size of the persistent volume that holds each workspace's home folder."
  validation {
    condition     = can(regex("^[1-9][0-9]*(Mi|Gi|Ti)$", var.home_disk_size))
    error_message = "Give a size such as 10Gi."
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
    display_name = "Podman"
    key          = "engine"
    script       = "podman info >/dev/null 2>&1 && echo ready || echo 'not ready'"
    interval     = 30
    timeout      = 5
  }
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
        storage = var.home_disk_size
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
          cpu    = var.cpu
          memory = var.memory
        }
        limits = {
          cpu    = var.cpu
          memory = var.memory
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
