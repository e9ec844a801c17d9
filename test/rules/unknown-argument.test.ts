import { unknownArgument } from '../../server/src/rules/unknown-argument';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(unknownArgument, {
  valid: [
    {
      name: 'arguments, meta-arguments, lifecycle, provisioners, dynamic blocks and timeouts',
      files: `${header}
resource "coder_agent" "main" {
  count = data.coder_workspace.me.start_count
  os    = "linux"
  arch  = "amd64"
  depends_on = [docker_volume.home]
  lifecycle {
    ignore_changes = [env]
  }
}

resource "docker_volume" "home" {
  name = "home"
  provisioner "local-exec" {
    command     = "echo hi"
    interpreter = ["sh", "-c"]
    anything    = true
  }
}

resource "kubernetes_pod_v1" "p" {
  for_each = toset(["a"])
  provider = kubernetes.other
  metadata {
    name = "p"
  }
  spec {
    container {
      name  = "c"
      image = "x"
      dynamic "env" {
        for_each = { A = "1" }
        iterator = e
        content {
          name  = e.key
          value = e.value
        }
      }
    }
  }
  timeouts {
    create = "5m"
  }
}
`,
    },
    {
      name: 'other providers, Terraform blocks, module inputs and locals are left alone',
      files: `${header}
resource "null_resource" "n" {
  triggers = {}
  whatever = 1
}

module "code_server" {
  source   = "registry.coder.com/coder/code-server/coder"
  agent_id = "x"
  anything = true
}

locals {
  anything = 1
}

variable "v" {
  type      = string
  something = 1
}
`,
    },
    {
      name: 'a provider constraint no bundled release meets',
      files: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 1.0"
    }
  }
}

resource "coder_agent" "main" {
  os                 = "linux"
  arch               = "amd64"
  login_before_ready = true
}
`,
    },
    {
      name: 'the provider block, with alias',
      files: `${header}
provider "docker" {
  alias = "remote"
  host  = "ssh://x"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt argument',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_scrpt = "echo hi"
}
`,
      findings: [{ at: 'startup_scrpt', message: /`coder_agent` takes no argument `startup_scrpt` in `coder\/coder 2\.17\.0`.*Did you mean `startup_script`\?/, fixTitle: 'Change to `startup_script`' }],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = "echo hi"
}
`,
    },
    {
      name: 'inside a nested block and inside a dynamic block\'s content',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {
    nme = "p"
  }
  spec {
    container {
      name = "c"
      dynamic "env" {
        for_each = {}
        content {
          name   = "A"
          valeu  = "1"
        }
      }
    }
  }
}
`,
      findings: [
        { at: 'nme', message: /`kubernetes_pod_v1\.metadata` takes no argument `nme`.*Did you mean `name`\?/ },
        { at: 'valeu', message: /`kubernetes_pod_v1\.spec\.container\.env` takes no argument `valeu`.*Did you mean `value`\?/ },
      ],
      output: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {
    name = "p"
  }
  spec {
    container {
      name = "c"
      dynamic "env" {
        for_each = {}
        content {
          name   = "A"
          value  = "1"
        }
      }
    }
  }
}
`,
    },
    {
      name: 'a timeouts argument the resource does not define',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {}
  timeouts {
    update = "5m"
  }
}
`,
      findings: [{ at: 'update', message: /`kubernetes_pod_v1\.timeouts` takes no argument `update`/ }],
    },
  ],
  noFix: [
    {
      name: 'an argument the release removed says when, and offers its removal as a suggestion',
      files: `${header}
resource "coder_agent" "main" {
  os                     = "linux"
  arch                   = "amd64"
  startup_script_timeout = 300
}
`,
      findings: [{ at: 'startup_script_timeout', message: /It was removed in 2\.0\.0\./, suggestions: ['Remove `startup_script_timeout`'] }],
    },
    {
      name: 'a block written as an argument',
      files: `${header}
resource "coder_agent" "main" {
  os       = "linux"
  arch     = "amd64"
  metadata = {}
}
`,
      findings: [{ at: 'metadata', occurrence: 0, message: /`metadata` is a block in `coder_agent`, not an argument/ }],
    },
  ],
});
