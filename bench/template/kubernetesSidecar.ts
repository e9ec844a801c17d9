/** The compute of the privileged-sidecar Kubernetes method in a benchmark unit: a deployment with a dind container beside the workspace. */
import { counted, Ctx } from './context';
import { k8sMetadata, k8sPvc } from './kubernetesParts';

export function privilegedSidecarKubernetes(c: Ctx): string {
  const { s } = c;
  return `${k8sPvc(c)}
resource "kubernetes_deployment" "sidecar_${s}" {
${counted(c)}  wait_for_rollout = false
${k8sMetadata(c, false)}
  spec {
    replicas = 1
    selector {
      match_labels = local.labels_${s}
    }
    strategy {
      type = "Recreate"
    }
    template {
      metadata {
        labels = local.labels_${s}
      }
      spec {
        # Run a privileged dind (Docker in Docker) container
        container {
          name    = "docker-sidecar"
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
          security_context {
            privileged  = true
            run_as_user = 0
          }
        }
        container {
          name    = "dev"
          image   = var.image_${s}
          command = ["sh", "-c", coder_agent.${s}.init_script]
          security_context {
            run_as_user = "1000"
          }
          env {
            name  = "CODER_AGENT_TOKEN"
            value = coder_agent.${s}.token
          }
          # Use the Docker daemon in the "docker-sidecar" container
          env {
            name  = "DOCKER_HOST"
            value = "localhost:2375"
          }
          volume_mount {
            mount_path = "/home/coder"
            name       = "home"
            read_only  = false
          }
        }
        volume {
          name = "home"
          persistent_volume_claim {
            claim_name = kubernetes_persistent_volume_claim_v1.home_${s}.metadata.0.name
            read_only  = false
          }
        }
      }
    }
  }
}
`;
}
