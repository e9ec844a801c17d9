import { deprecatedKubernetesResource } from '../../server/src/rules/deprecated-kubernetes-resource';
import { ruleTable } from '../helpers/ruleTester';

const agent = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const pinned = (version: string) => `terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "${version}"
    }
  }
}
`;

const pod = (type: string) => `
resource "${type}" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`;

ruleTable(deprecatedKubernetesResource, {
  valid: [
    {
      name: 'the versioned names',
      files: `${agent}${pod('kubernetes_pod_v1')}
resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "home"
  }
}

data "kubernetes_secret_v1" "creds" {
  metadata {
    name = "creds"
  }
}
`,
    },
    {
      name: 'a constraint that admits no 3.x (the docs pin 2.16.0)',
      files: `${pinned('2.16.0')}${agent}${pod('kubernetes_pod')}`,
    },
    {
      name: 'types without a plain _v1 rename (a different API) and helper resources',
      files: `${agent}
resource "kubernetes_ingress" "old" {
  metadata {
    name = "x"
  }
}

resource "kubernetes_labels" "l" {
  api_version = "v1"
}

resource "kubernetes_manifest" "m" {
  manifest = {}
}
`,
    },
  ],
  invalid: [
    {
      name: 'kubernetes_pod with no constraint: the label and every reference are renamed',
      files: `${agent}${pod('kubernetes_pod')}
resource "coder_metadata" "pod" {
  count       = data.coder_workspace.me.start_count
  resource_id = kubernetes_pod.main[0].id
  item {
    key   = "name"
    value = "\${kubernetes_pod.main[0].metadata[0].name}"
  }
}
`,
      findings: [
        {
          at: 'kubernetes_pod',
          messageId: 'renamedResource',
          message: /`kubernetes_pod` is deprecated since hashicorp\/kubernetes 3\.0\.0.*`kubernetes_pod_v1` is the same resource/,
          fixTitle: 'Rename to `kubernetes_pod_v1`',
        },
      ],
      output: `${agent}${pod('kubernetes_pod_v1')}
resource "coder_metadata" "pod" {
  count       = data.coder_workspace.me.start_count
  resource_id = kubernetes_pod_v1.main[0].id
  item {
    key   = "name"
    value = "\${kubernetes_pod_v1.main[0].metadata[0].name}"
  }
}
`,
    },
    {
      name: 'a deployment under a constraint that admits 3.x, referenced from another file; a data source',
      files: {
        'main.tf': `${pinned('>= 2.16.0')}${agent}
resource "kubernetes_deployment" "main" {
  metadata {
    name = "ws"
  }
}

data "kubernetes_namespace" "ws" {
  metadata {
    name = "coder"
  }
}
`,
        'outputs.tf': `output "deployment" {
  value = kubernetes_deployment.main.metadata[0].name
}

output "ns" {
  value = data.kubernetes_namespace.ws.id
}
`,
      },
      findings: [
        { at: 'kubernetes_deployment', messageId: 'renamedResource', fixTitle: 'Rename to `kubernetes_deployment_v1`' },
        { at: 'kubernetes_namespace', messageId: 'renamedDataSource', message: /same data source/, fixTitle: 'Rename to `kubernetes_namespace_v1`' },
      ],
      output: {
        'main.tf': `${pinned('>= 2.16.0')}${agent}
resource "kubernetes_deployment_v1" "main" {
  metadata {
    name = "ws"
  }
}

data "kubernetes_namespace_v1" "ws" {
  metadata {
    name = "coder"
  }
}
`,
        'outputs.tf': `output "deployment" {
  value = kubernetes_deployment_v1.main.metadata[0].name
}

output "ns" {
  value = data.kubernetes_namespace_v1.ws.id
}
`,
      },
    },
    {
      name: 'kubernetes_daemonset becomes kubernetes_daemon_set_v1 (the versioned name is spelled differently)',
      files: `${agent}
resource "kubernetes_daemonset" "d" {
  metadata {
    name = "d"
  }
}
`,
      findings: [{ at: 'kubernetes_daemonset', messageId: 'renamedResource', fixTitle: 'Rename to `kubernetes_daemon_set_v1`' }],
      output: `${agent}
resource "kubernetes_daemon_set_v1" "d" {
  metadata {
    name = "d"
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'a home volume claim: renaming would recreate it, so the rename is only a suggestion',
      files: `${agent}
resource "kubernetes_persistent_volume_claim" "home" {
  metadata {
    name = "home"
  }
}

resource "kubernetes_pod_v1" "main" {
  spec {
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim.home.metadata.0.name
      }
    }
  }
}
`,
      findings: [
        {
          at: 'kubernetes_persistent_volume_claim',
          messageId: 'holdsData',
          message: /cannot move `kubernetes_persistent_volume_claim\.home` to the new type.*delete and recreate it/,
          suggestions: ['Rename to `kubernetes_persistent_volume_claim_v1` (recreates it in existing workspaces)'],
        },
      ],
    },
    {
      name: 'a _v1 resource of the same name already exists: no rename fix',
      files: `${agent}
resource "kubernetes_secret" "s" {
  metadata {
    name = "s"
  }
}

resource "kubernetes_secret_v1" "s" {
  metadata {
    name = "s2"
  }
}
`,
      findings: [{ at: 'kubernetes_secret', messageId: 'renamedResource' }],
    },
  ],
});
