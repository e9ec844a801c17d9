import { podmanMissingFuse } from '../../server/src/rules/podman-missing-fuse';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
`;

const pod = (resources: string, image = 'ghcr.io/coder/podman:ubuntu') => `${head}
resource "kubernetes_pod_v1" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "${image}"
      command = ["/bin/bash", "-c", coder_agent.dev.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.dev.token
      }
${resources}    }
  }
}
`;

const resources = (limits: string) => `      resources {
        requests = {
          cpu    = "250m"
          memory = "500Mi"
        }
${limits}      }
`;

ruleTable(podmanMissingFuse, {
  valid: [
    { name: 'limits with github.com/fuse', files: pod(resources('        limits = {\n          "github.com/fuse" = 1\n        }\n')) },
    { name: 'the community template\'s colon form', files: pod(resources('        limits = {\n          "github.com/fuse" : 1\n        }\n')) },
    { name: 'limits from a variable are not guessed at', files: `variable "limits" {\n  default = {}\n}\n${pod(resources('        limits = var.limits\n'))}` },
    { name: 'near miss: a non-podman container without FUSE', files: pod('', 'codercom/enterprise-base:ubuntu') },
    {
      name: 'near miss: a docker_container with a podman image (resources.limits is Kubernetes only)',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-podman:ubuntu"
  command = ["sh", "-c", coder_agent.dev.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.dev.token}"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'limits without FUSE: the entry is added and the map re-aligned',
      files: pod(resources('        limits = {\n          cpu    = "2"\n          memory = "4Gi"\n        }\n')),
      findings: [
        {
          at: 'limits',
          messageId: 'missingFuse',
          message: /^Container `dev` of `kubernetes_pod_v1\.main` runs Podman but requests no FUSE device \("github\.com\/fuse" in resources\.limits\): .*fuse-overlayfs/,
          fixTitle: 'Add "github.com/fuse" = 1 to resources.limits',
        },
      ],
      output: pod(resources('        limits = {\n          cpu               = "2"\n          memory            = "4Gi"\n          "github.com/fuse" = 1\n        }\n')),
    },
    {
      name: 'resources without limits: the map is created',
      files: pod(resources('')),
      findings: [{ at: '"ghcr.io/coder/podman:ubuntu"', messageId: 'missingFuse' }],
      output: pod(resources('        limits = {\n          "github.com/fuse" = 1\n        }\n')),
    },
    {
      name: 'no resources block: the block is created',
      files: pod(''),
      findings: [{ at: '"ghcr.io/coder/podman:ubuntu"', messageId: 'missingFuse' }],
      output: pod('      resources {\n        limits = {\n          "github.com/fuse" = 1\n        }\n      }\n'),
    },
    {
      name: 'deployment with the codercom/example-podman image and an inline limits map',
      files: `${head}
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
    }
  }
}
`,
      findings: [{ at: 'limits', messageId: 'missingFuse' }],
      output: `${head}
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
            limits = { cpu = "2", "github.com/fuse" = 1 }
          }
        }
      }
    }
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'limits built by merge() of maps the reader sees whole: FUSE is missing, but the merge is the user\'s to extend',
      files: pod(resources('        limits = merge({ cpu = "2" }, { memory = "4Gi" })\n')),
      findings: [{ at: 'limits', messageId: 'missingFuse', message: /requests no FUSE device/ }],
    },
  ],
});
