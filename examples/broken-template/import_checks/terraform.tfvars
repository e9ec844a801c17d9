image = "ubuntu:24.04"
