import { missingRequiredBlock } from '../../server/src/rules/missing-required-block';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(missingRequiredBlock, {
  valid: [
    {
      name: 'required blocks written, or made by a dynamic block',
      files: `${header}
resource "kubernetes_deployment_v1" "d" {
  metadata {}
  spec {
    template {
      metadata {}
      spec {}
    }
  }
}

resource "kubernetes_pod_v1" "p" {
  dynamic "metadata" {
    for_each = [1]
    content {}
  }
  spec {}
}
`,
    },
    {
      name: 'optional blocks may be left out',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a deployment\'s pod template without metadata',
      files: `${header}
resource "kubernetes_deployment_v1" "d" {
  metadata {
    name = "d"
  }
  spec {
    template {
      spec {}
    }
  }
}
`,
      findings: [{ at: 'template', message: /A `metadata` block is required here by `hashicorp\/kubernetes 3\.2\.1`/, fixTitle: 'Add a `metadata` block' }],
      output: `${header}
resource "kubernetes_deployment_v1" "d" {
  metadata {
    name = "d"
  }
  spec {
    template {
      spec {}
      metadata {}
    }
  }
}
`,
    },
    {
      name: 'a pod without spec gets a spec with what it requires',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
}
`,
      findings: [{ at: 'resource "kubernetes_pod_v1" "p"', message: /A `spec` block is required/ }],
      output: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {}
}
`,
    },
    {
      name: 'a deployment without blocks: metadata and spec, each reported, spec with its required template',
      files: `${header}
resource "kubernetes_deployment_v1" "d" {
  count = 1
}
`,
      findings: [
        { at: 'resource "kubernetes_deployment_v1" "d"', message: /A `metadata` block is required/ },
        { at: 'resource "kubernetes_deployment_v1" "d"', message: /A `spec` block is required/ },
      ],
      output: `${header}
resource "kubernetes_deployment_v1" "d" {
  count = 1
  metadata {}
  spec {
    template {
      metadata {}
      spec {}
    }
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'a required block with a required argument would hold a placeholder (access_modes = []): a suggestion',
      files: `${header}
resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "home"
  }
}
`,
      findings: [{ at: 'resource "kubernetes_persistent_volume_claim_v1" "home"', message: /A `spec` block is required/, suggestions: ['Add a `spec` block'] }],
      suggestionOutput: `${header}
resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "home"
  }
  spec {
    access_modes = []
    resources {}
  }
}
`,
    },
  ],
});
