/** The compute of the Docker-provider methods in a benchmark unit: a Sysbox container, or a workspace beside a privileged dind container. */
import { counted, Ctx, idx } from './context';

function dockerLabels(): string {
  return `
  labels {
    label = "coder.owner"
    value = data.coder_workspace_owner.me.name
  }
  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }`;
}

function dockerVolume(c: Ctx): string {
  return `
resource "docker_volume" "home_${c.s}" {
  name = "coder-\${data.coder_workspace.me.id}-${c.s}-home"
  lifecycle {
    ignore_changes = all
  }
  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }
}
`;
}

export function sysboxDocker(c: Ctx): string {
  const { s } = c;
  return `${dockerVolume(c)}
resource "docker_container" "workspace_${s}" {
${counted(c)}  image    = var.image_${s}
  name     = local.name_${s}
  hostname = data.coder_workspace.me.name
  # Use the Sysbox container runtime (required)
  runtime  = "sysbox-runc"
  command  = ["sh", "-c", replace(coder_agent.${s}.init_script, "/localhost|127\\\\.0\\\\.0\\\\.1/", "host.docker.internal")]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.${s}.token}",
    "CODER_WORKSPACE_NAME=\${data.coder_workspace.me.name}",
  ]
  host {
    host = "host.docker.internal"
    ip   = "host-gateway"
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home_${s}.name
    read_only      = false
  }${dockerLabels()}
}
`;
}

export function privilegedSidecarDocker(c: Ctx): string {
  const { s } = c;
  return `${dockerVolume(c)}
resource "docker_network" "private_${s}" {
  name = "network-\${data.coder_workspace.me.id}-${s}"
}

resource "docker_container" "dind_${s}" {
${counted(c)}  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}-${s}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  networks_advanced {
    name = docker_network.private_${s}.name
  }
}

resource "docker_container" "workspace_${s}" {
${counted(c)}  image   = var.image_${s}
  name    = local.name_${s}
  command = ["sh", "-c", coder_agent.${s}.init_script]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.${s}.token}",
    "DOCKER_HOST=\${docker_container.dind_${s}${idx(c)}.name}:2375",
  ]
  networks_advanced {
    name = docker_network.private_${s}.name
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home_${s}.name
    read_only      = false
  }${dockerLabels()}
}
`;
}
