# Part of examples/broken-template: the Docker-host rules. syntax.tf beside it does not parse.

terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    docker = {
      source = "kreuzwerker/docker"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# A dind sidecar that outlives the workspace.
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
}

# Sysbox and privileged at once.
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  name       = "coder-${data.coder_workspace.me.id}"
  runtime    = "sysbox-runc"
  privileged = true
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
}
