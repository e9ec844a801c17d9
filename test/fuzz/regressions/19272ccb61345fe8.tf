resource "docker_container" "x" {
  image = "ghcr.io/coder/envbox:latest"
}
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
b {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}



