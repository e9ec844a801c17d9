data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_deployment" "main" {
  metadata {
    name = "w"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "dev"
          image = "codercom/example-podman:ubuntu"
          resources {
            limits = { cpu = "2" }
          }
        }
      }