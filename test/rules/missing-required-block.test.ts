import { missingRequiredBlock } from '../../server/src/rules/missing-required-block';
import type { ProviderSchemaFile, SchemaBlock } from '../../server/src/schema/format';
import { ruleTable } from '../helpers/ruleTester';

// No bundled release requires more than one block of a type, as some providers do: this file's process
// reads the Kubernetes release with an endpoint slice that needs at least three `endpoint` blocks.
const kubernetes = require('../../server/src/schema/data/kubernetes-3.2.1.json') as ProviderSchemaFile;
(kubernetes.resource_schemas['kubernetes_endpoint_slice_v1']!.block as SchemaBlock).block_types!['endpoint']!.min_items = 3;
const endpointSlice = (name: string, endpoints: number) => `
resource "kubernetes_endpoint_slice_v1" "${name}" {
  metadata {}
  address_type = "IPv4"
${'  endpoint {\n    addresses = ["10.0.0.1"]\n  }\n'.repeat(endpoints)}  port {}
}
`;

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
      findings: [{ at: 'template', messageId: 'missingBlock', message: /A `metadata` block is required here by `hashicorp\/kubernetes 3\.2\.1`/, fixTitle: 'Add a `metadata` block' }],
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
      findings: [{ at: 'resource "kubernetes_pod_v1" "p"', messageId: 'missingBlock', message: /A `spec` block is required/ }],
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
        { at: 'resource "kubernetes_deployment_v1" "d"', messageId: 'missingBlock', message: /A `metadata` block is required/ },
        { at: 'resource "kubernetes_deployment_v1" "d"', messageId: 'missingBlock', message: /A `spec` block is required/ },
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
      findings: [{ at: 'resource "kubernetes_persistent_volume_claim_v1" "home"', messageId: 'missingBlock', message: /A `spec` block is required/, suggestions: ['Add a `spec` block'] }],
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
    {
      name: 'fewer blocks than a type needs, but some: nothing to add that would be right',
      files: `${header}${endpointSlice('one', 1)}${endpointSlice('two', 2)}`,
      findings: [
        {
          at: 'resource "kubernetes_endpoint_slice_v1" "one"',
          messageId: 'tooFewBlocksOne',
          message: /^At least 3 `endpoint` blocks are required here; there is 1: `terraform plan` stops with "Insufficient endpoint blocks"\.$/,
        },
        { at: 'resource "kubernetes_endpoint_slice_v1" "two"', messageId: 'tooFewBlocks', message: /^At least 3 `endpoint` blocks are required here; there are 2: `terraform plan` stops/ },
      ],
    },
  ],
});
