/** Kubernetes pieces the benchmark's Kubernetes methods share: metadata, a home volume claim, resources, agent env. */
import { Ctx } from './context';

export function k8sMetadata(c: Ctx, annotations: boolean): string {
  return `  metadata {
    name      = local.name_${c.s}
    namespace = var.namespace
    labels    = local.labels_${c.s}
${annotations ? `    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
      "com.coder.workspace.owner"       = data.coder_workspace_owner.me.name
    }
` : ''}  }`;
}

export function k8sPvc(c: Ctx): string {
  return `
resource "kubernetes_persistent_volume_claim_v1" "home_${c.s}" {
  metadata {
    name      = "\${local.name_${c.s}}-home"
    namespace = var.namespace
    labels    = local.labels_${c.s}
  }
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "${10 + Math.floor(c.r() * 40)}Gi"
      }
    }
  }
}
`;
}

export function k8sResources(extra = ''): string {
  return `      resources {
        requests = {
          cpu    = "250m"
          memory = "512Mi"
        }
        limits = {
          cpu    = "\${data.coder_parameter.cpu.value}"
          memory = "\${data.coder_parameter.memory.value}Gi"${extra}
        }
      }`;
}

export function homeVolume(c: Ctx): string {
  return `    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home_${c.s}.metadata.0.name
        read_only  = false
      }
    }`;
}

export function agentEnvBlocks(c: Ctx, extra: Array<[string, string]> = []): string {
  const all: Array<[string, string]> = [['CODER_AGENT_TOKEN', `coder_agent.${c.s}.token`], ...extra];
  return all
    .map(
      ([k, v]) => `      env {
        name  = "${k}"
        value = ${v}
      }`,
    )
    .join('\n');
}
