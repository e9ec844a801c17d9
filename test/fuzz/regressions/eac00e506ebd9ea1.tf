data "coder_workspace"  {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      command = ["sh", "-c", "ls /sbin/initctl; ${coder_agent.main.init_script}"]
    }
  }
}
