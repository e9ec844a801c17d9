# What `coder templates push` would reject, one of each (the import-check rules). The folder's name has an
# underscore on purpose: pushed without a name, the template would be called "import_checks", which Coder
# refuses. Only archive-too-large is not shown: it needs a file of a megabyte or more in the folder.

terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

# No default: every push needs --variable namespace=…
variable "namespace" {
  type = string
}

# Set in terraform.tfvars, which the CLI does not upload.
variable "image" {
  type    = string
  default = "codercom/enterprise-base:ubuntu"
}

data "coder_workspace" "me" {}

# An underscore in an agent's label, two agents named alike, a metadata key twice.
resource "coder_agent" "dev_box" {
  os   = "linux"
  arch = "amd64"

  metadata {
    key          = "cpu"
    display_name = "CPU"
    script       = "coder stat cpu"
    interval     = 10
  }

  metadata {
    key          = "cpu"
    display_name = "CPU (host)"
    script       = "coder stat cpu --host"
    interval     = 10
  }
}

resource "coder_agent" "worker" {
  count = 2
  os    = "linux"
  arch  = "amd64"
}

resource "coder_app" "code" {
  agent_id = coder_agent.dev_box.id
  slug     = "code-server"
  url      = "http://localhost:13337"
}

resource "coder_app" "worker_code" {
  agent_id = coder_agent.worker[0].id
  slug     = "code-server"
  url      = "http://localhost:13337"
}

resource "coder_app" "docs" {
  agent_id = coder_agent.dev_box.id
  slug     = "Project_Docs"
  url      = "http://localhost:8000"
}

resource "docker_volume" "home" {
  name = "coder-${data.coder_workspace.me.id}-home"
}

resource "coder_metadata" "home" {
  resource_id = docker_volume.home.id
  item {
    key   = "size"
    value = "10 GiB"
  }
}

resource "coder_metadata" "home_more" {
  resource_id = docker_volume.home.id
  item {
    key   = "image"
    value = var.image
  }
}

resource "coder_script" "backup" {
  agent_id     = coder_agent.dev_box.id
  display_name = "Backup"
  script       = "backup.sh"
  cron         = "*/5 * * * *"
}

resource "coder_script" "setup" {
  agent_id     = coder_agent.dev_box.id
  display_name = "Setup"
  script       = "setup.sh"
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 1.5
  validation {
    min = 1
    max = 8
  }
}

data "coder_parameter" "cores" {
  name      = "cpu"
  type      = "number"
  form_type = "slider"
  default   = 2
  option {
    name  = "Two"
    value = 2
  }
  option {
    name  = "Two"
    value = "two"
  }
}

data "coder_parameter" "rebuild" {
  name      = "rebuild"
  type      = "bool"
  ephemeral = true
  default   = false
}

data "coder_parameter" "password" {
  name    = "password"
  default = "Secret123"
  mutable = true
  validation {
    regex = "^(?=.*[0-9]).{8,}$"
    error = "At least 8 characters with a digit."
  }
}

data "coder_parameter" "gpu" {
  name    = "gpu"
  type    = "bool"
  default = false
  option {
    name  = "Yes"
    value = "yes"
  }
  option {
    name  = "No"
    value = false
  }
}

data "coder_parameter" "size" {
  name    = "size"
  default = "s"
  option {
    name  = "Small"
    value = "s"
  }
  option {
    name  = "Large"
    value = "l"
  }
}

data "coder_workspace_preset" "small" {
  name    = "Small"
  default = true
  parameters = {
    size     = "xl"
    cpu_core = "2"
  }
}

data "coder_workspace_preset" "tiny" {
  name    = "Small"
  default = true
  prebuilds {
    instances = 1
    scheduling {
      timezone = "Europe/Berlin"
      schedule {
        cron      = "0 8-18 * * 1-5"
        instances = 2
      }
    }
  }
}

locals {
  pool = "gpu"
}

data "coder_workspace_tags" "tags" {
  tags = {
    "pool" = local.pool
  }
}

module "base" {
  source   = "./.modules/base"
  agent_id = coder_agent.dev_box.id
}
