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
      findings: [{ at: 'startup_scrpt', messageId: 'unknownArgument', message: /`coder_agent` takes no argument `startup_scrpt` in `coder\/coder 2\.17\.0`.*Did you mean `startup_script`\?/, fixTitle: 'Change to `startup_script`' }],
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
        { at: 'nme', messageId: 'unknownArgument', message: /`kubernetes_pod_v1\.metadata` takes no argument `nme`.*Did you mean `name`\?/ },
        { at: 'valeu', messageId: 'unknownArgument', message: /`kubernetes_pod_v1\.spec\.container\.env` takes no argument `valeu`.*Did you mean `value`\?/ },
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
      findings: [{ at: 'update', messageId: 'unknownArgument', message: /`kubernetes_pod_v1\.timeouts` takes no argument `update`/ }],
    },
  ],
  noFix: [
    {
      name: 'an argument the release removed says when (and what replaces it), and offers its removal as a suggestion',
      files: `${header}
resource "coder_agent" "main" {
  os                     = "linux"
  arch                   = "amd64"
  startup_script_timeout = 300
  login_before_ready     = false
}
`,
      findings: [
        { at: 'startup_script_timeout', messageId: 'removedArgument', message: /It was removed in 2\.0\.0\.$/, suggestions: ['Remove `startup_script_timeout`'] },
        {
          at: 'login_before_ready',
          messageId: 'replacedArgument',
          message: /^`coder_agent` takes no argument `login_before_ready` in `coder\/coder 2\.17\.0`: `terraform plan` stops with "Unsupported argument"\. It was removed in 2\.0\.0; use `startup_script_behavior` instead\.$/,
          suggestions: ['Remove `login_before_ready`'],
        },
      ],
    },
    {
      name: 'an argument removed at a release the index does not name: after the last one that had it',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 4.0"
    }
  }
}
${header}
resource "docker_network" "n" {
  name            = "n"
  check_duplicate = true
}
`,
      findings: [{ at: 'check_duplicate', messageId: 'removedArgument', message: /in `kreuzwerker\/docker 4\.5\.0`: .* It was removed after 3\.9\.0\.$/, suggestions: ['Remove `check_duplicate`'] }],
    },
    {
      name: 'an argument Terraform\'s own lifecycle block does not take, and one the provider block does not take',
      files: `${header}
provider "coder" {
  zzz_unknown = true
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  lifecycle {
    zzz_never = true
  }
}
`,
      findings: [
        { at: 'zzz_unknown', messageId: 'unknownArgument', message: /^this `provider` block takes no argument `zzz_unknown` in `coder\/coder 2\.17\.0`: `terraform plan` stops/ },
        { at: 'zzz_never', messageId: 'unknownTerraformArgument', message: /^this `lifecycle` block takes no argument `zzz_never`: `terraform plan` stops with "Unsupported argument"\.$/ },
      ],
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
      findings: [{ at: 'metadata', occurrence: 0, messageId: 'blockNotArgument', message: /`metadata` is a block in `coder_agent`, not an argument/ }],
    },
  ],
});
