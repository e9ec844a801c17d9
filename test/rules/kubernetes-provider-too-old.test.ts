import { kubernetesProviderTooOld } from '../../server/src/rules/kubernetes-provider-too-old';
import { ruleTable } from '../helpers/ruleTester';

const providers = (kubernetes: string) => `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    kubernetes = ${kubernetes}
  }
}
`;

const pod = `
resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
`;

const deployment = `
resource "kubernetes_deployment_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    template {
      metadata {
        labels = {}
      }
      spec {
        runtime_class_name = "sysbox-runc"
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
        }
      }
    }
  }
}
`;

ruleTable(kubernetesProviderTooOld, {
  valid: [
    {
      name: 'the docs pin 2.16.0 exactly: the first version with runtime_class_name',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = "2.16.0"
    }`) + pod,
    },
    {
      name: 'no version constraint: terraform init takes the newest',
      files: providers(`{
      source = "hashicorp/kubernetes"
    }`) + pod,
    },
    {
      name: 'a range that still admits 2.16.0 and later',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = ">= 2.10.0, < 3.0.0"
    }`) + pod,
    },
    {
      name: 'an old provider without runtime_class_name anywhere',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = "~> 2.12.0"
    }`) + pod.replace('    runtime_class_name = "sysbox-runc"\n', ''),
    },
  ],
  invalid: [
    {
      name: 'a pod with ~> 2.15.0 (object entry)',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = "~> 2.15.0"
    }`) + pod,
      findings: [
        {
          at: 'runtime_class_name = "sysbox-runc"',
          messageId: 'tooOld',
          message: /hashicorp\/kubernetes 2\.16\.0, but the constraint "~> 2\.15\.0" \(main\.tf\) admits only older versions.*Unsupported argument/,
          fixTitle: 'Require hashicorp/kubernetes ">= 2.16.0, < 3.0.0"',
        },
      ],
      output: providers(`{
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0, < 3.0.0"
    }`) + pod,
    },
    {
      name: 'a deployment, with the constraint in versions.tf as a legacy bare string',
      files: {
        'versions.tf': `terraform {
  required_providers {
    kubernetes = "< 2.16"
  }
}
`,
        'main.tf': `resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
${deployment}`,
      },
      findings: [{ at: 'runtime_class_name = "sysbox-runc"', messageId: 'tooOld', message: /"< 2\.16" \(versions\.tf\)/ }],
      output: {
        'versions.tf': `terraform {
  required_providers {
    kubernetes = ">= 2.16.0, < 3.0.0"
  }
}
`,
      },
    },
    {
      name: 'two pods: one finding each, one fix for both',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = "2.15.1"
    }`) + pod + pod.replace('"dev" {', '"other" {'),
      findings: [
        { at: 'runtime_class_name = "sysbox-runc"', occurrence: 0, messageId: 'tooOld' },
        { at: 'runtime_class_name = "sysbox-runc"', occurrence: 1, messageId: 'tooOld' },
      ],
      output: providers(`{
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0, < 3.0.0"
    }`) + pod + pod.replace('"dev" {', '"other" {'),
    },
  ],
  noFix: [
    {
      name: 'a template pinned to provider 1.x: moving it to 2.x is a major upgrade, not a fix',
      files: providers(`{
      source  = "hashicorp/kubernetes"
      version = "~> 1.13"
    }`) + pod,
      findings: [{ at: 'runtime_class_name = "sysbox-runc"', messageId: 'tooOld', message: /the constraint "~> 1\.13" \(main\.tf\) admits only older versions/ }],
    },
  ],
});
