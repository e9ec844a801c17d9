/** The compute of the Envbox method in a benchmark unit: a privileged envbox pod that runs the workspace inside. */
import { counted, Ctx } from './context';
import { agentEnvBlocks, homeVolume, k8sMetadata, k8sPvc, k8sResources } from './kubernetesParts';

export function envbox(c: Ctx): string {
  const { s } = c;
  return `${k8sPvc(c)}
resource "kubernetes_pod" "envbox_${s}" {
${counted(c)}${k8sMetadata(c, false)}
  spec {
    restart_policy = "Never"
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      # Required: the outer envbox container runs Sysbox and dockerd.
      security_context {
        privileged = true
      }
${k8sResources()}
${agentEnvBlocks(c, [
  ['CODER_AGENT_URL', 'data.coder_workspace.me.access_url'],
  ['CODER_INNER_IMAGE', `var.image_${s}`],
  ['CODER_INNER_USERNAME', '"coder"'],
  ['CODER_BOOTSTRAP_SCRIPT', `coder_agent.${s}.init_script`],
  ['CODER_MOUNTS', '"/home/coder:/home/coder"'],
  ['CODER_ADD_FUSE', '"true"'],
  ['CODER_INNER_HOSTNAME', 'data.coder_workspace.me.name'],
])}
      env {
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "registry-${s.replace(/_/g, '-')}"
            key  = ".dockerconfigjson"
          }
        }
      }
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        sub_path   = "home"
        read_only  = false
      }
      volume_mount {
        mount_path = "/var/lib/coder/docker"
        name       = "home"
        sub_path   = "cache/docker"
        read_only  = false
      }
      volume_mount {
        mount_path = "/var/lib/sysbox"
        name       = "sysbox"
        read_only  = false
      }
      volume_mount {
        mount_path = "/usr/src"
        name       = "usr-src"
        read_only  = true
      }
      volume_mount {
        mount_path = "/lib/modules"
        name       = "lib-modules"
        read_only  = true
      }
    }
${homeVolume(c)}
    volume {
      name = "sysbox"
      empty_dir {}
    }
    volume {
      name = "usr-src"
      host_path {
        path = "/usr/src"
        type = "Directory"
      }
    }
    volume {
      name = "lib-modules"
      host_path {
        path = "/lib/modules"
        type = "Directory"
      }
    }
  }
}
`;
}
