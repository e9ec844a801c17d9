data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  o)s   = "linux"
  arch = "amd64"
}

resource"\ "docker_container" "workspace" {
  image        = "codercom/enterprise-base:ubuntu"
  runtime      =[ "sysbox-runc"
  privileged   = true
  net[work_mode = "host"
  pid_mode     = host"
  command      = ["sh", "-c", coder_agent.main.init_script]
}
