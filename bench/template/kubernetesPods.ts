/** The compute of the Kubernetes pod methods in a benchmark unit: Sysbox, Sysbox with systemd, rootless Podman. */
import { counted, Ctx } from './context';
import { agentEnvBlocks, homeVolume, k8sMetadata, k8sPvc, k8sResources } from './kubernetesParts';

export function sysboxKubernetes(c: Ctx): string {
  const { s } = c;
  return `${k8sPvc(c)}
resource "kubernetes_pod" "dev_${s}" {
${counted(c)}${k8sMetadata(c, true)}
  spec {
    # Use the Sysbox container runtime (required)
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      image   = var.image_${s}
      command = ["sh", "-c", coder_agent.${s}.init_script]
${agentEnvBlocks(c)}
${k8sResources()}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
}

export function systemdSysbox(c: Ctx): string {
  const { s } = c;
  return `${k8sPvc(c)}
resource "kubernetes_pod" "systemd_${s}" {
${counted(c)}${k8sMetadata(c, true)}
  spec {
    # Use Sysbox container runtime (required)
    runtime_class_name = "sysbox-runc"
    # Run as root in order to start systemd (required)
    security_context {
      run_as_user = 0
      fs_group    = 0
    }
    container {
      name  = "dev"
      image = var.image_${s}
${agentEnvBlocks(c)}
      command = ["sh", "-c", <<EOF
    # Start the Coder agent as the "coder" user once systemd has started up
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
    while [[ ! $(systemctl is-system-running) =~ ^(running|degraded) ]]
    do
      echo "Waiting for system to start... $(systemctl is-system-running)"
      sleep 2
    done
    \${coder_agent.${s}.init_script}
    EOT

    exec /sbin/init
    EOF
      ]
${k8sResources()}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
}

export function rootlessPodman(c: Ctx): string {
  const { s } = c;
  return `${k8sPvc(c)}
resource "kubernetes_pod" "podman_${s}" {
${counted(c)}${k8sMetadata(c, false)}
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      image   = "ghcr.io/coder/podman:ubuntu"
      command = ["sh", "-c", coder_agent.${s}.init_script]
      security_context {
        run_as_user = 1000
      }
${agentEnvBlocks(c)}
${k8sResources('\n          "smarter-devices/fuse" = 1')}
      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
        read_only  = false
      }
    }
${homeVolume(c)}
  }
}
`;
}
