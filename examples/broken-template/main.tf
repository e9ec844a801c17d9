# A deliberately broken Coder template: every coder-dind rule fires somewhere in this folder and its
# sub-folders (docker/ and old-provider/ are modules of their own, because some rules depend on provider
# constraints that cannot hold in one module at once; import_checks/ holds what `coder templates push`
# would reject, all but archive-too-large). Open a file and look at the Problems panel, or run
#   npx coder-dind lint examples/broken-template
# Each finding's quick fix shows what the template should say instead.

terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

variable "workspaces_namespace" {
  default = "coder-workspaces"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
  startup_script = <<-EOT
    sudo dockerd &
  EOT
}

# An agent that no container starts.
resource "coder_agent" "spare" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "podman" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "envbox" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "systemd" {
  os   = "linux"
  arch = "amd64"
}

# The workspace: runs dockerd from the agent's startup script without Sysbox, next to a dind sidecar.
resource "kubernetes_pod" "main" {
  metadata {
    name      = "coder-${data.coder_workspace.me.owner}-${data.coder_workspace.me.name}"
    namespace = var.namespace
  }
  spec {
    container {
      name    = "docker-sidecar"
      image   = "docker:dind"
      command = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
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

# Sysbox, but privileged and without the user-namespace annotation.
resource "kubernetes_pod_v1" "sysbox" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "sysbox-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      security_context {
        privileged = true
      }
    }
  }
}

# systemd as PID 1, but neither root nor Sysbox.
resource "kubernetes_pod_v1" "systemd" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "systemd-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
  }
  spec {
    security_context {
      run_as_user = 1000
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "${coder_agent.systemd.init_script} & exec /sbin/init"]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.systemd.token
      }
    }
  }
}

# Envbox: not privileged, env and mounts missing, a literal pull secret, GPU without /usr/lib, memory in the wrong unit.
resource "kubernetes_pod_v1" "envbox" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "envbox-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.envbox.init_script
      }
      env {
        name  = "CODER_IMAGE_PULL_SECRET"
        value = "{\"auths\":{\"registry.example.com\":{\"auth\":\"not-a-real-secret\"}}}"
      }
      env {
        name  = "CODER_ADD_GPU"
        value = "true"
      }
      env {
        name  = "CODER_MEMORY"
        value = "2048"
      }
    }
  }
}

# Rootless Podman without a FUSE device, and an AppArmor annotation for a container that does not exist.
resource "kubernetes_pod_v1" "podman" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "podman-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/workspace" = "unconfined"
    }
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/podman:ubuntu"
      command = ["/bin/bash", "-c", coder_agent.podman.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.podman.token
      }
    }
  }
}
