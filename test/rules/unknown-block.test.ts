import { unknownBlock } from '../../server/src/rules/unknown-block';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

/** A pod whose container makes env entries with a dynamic block of that label. */
const podWithDynamic = (label: string, name: string, value: string) => `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {
    container {
      name = "c"
      dynamic "${label}" {
        for_each = { FOO = "bar" }
        content {
          name  = ${name}
          value = ${value}
        }
      }
    }
  }
}
`;

ruleTable(unknownBlock, {
  valid: [
    {
      name: 'nested blocks, meta blocks and dynamic blocks of known types',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode = false
  }
  dynamic "metadata" {
    for_each = []
    content {
      key      = "k"
      script   = "s"
      interval = 1
    }
  }
  lifecycle {
    precondition {
      condition     = true
      error_message = "x"
    }
  }
}

resource "docker_container" "w" {
  name  = "w"
  image = "x"
  provisioner "local-exec" {
    command = "true"
    connection {
      host = "x"
    }
  }
}
`,
    },
    {
      name: 'blocks of other providers\' types and of Terraform\'s own blocks',
      files: `${header}
resource "random_password" "p" {
  keepers {}
}

terraform {
  backend "s3" {}
}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt nested block',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  metdata {
    key      = "k"
    script   = "s"
    interval = 1
  }
}
`,
      findings: [{ at: 'metdata', messageId: 'unknownBlock', message: /`coder_agent` has no block type `metdata` in `coder\/coder 2\.17\.0`.*Did you mean `metadata`\?/, fixTitle: 'Change to `metadata`' }],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "k"
    script   = "s"
    interval = 1
  }
}
`,
    },
    {
      name: 'a map argument written as a block becomes an assignment',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env {
    FOO = "bar"
  }
}
`,
      findings: [{ at: 'env', messageId: 'argumentNotBlock', message: /`env` is an argument of `coder_agent`, not a block/, fixTitle: 'Write `env = { … }`' }],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    FOO = "bar"
  }
}
`,
    },
    {
      name: 'a dynamic block of a type the body does not have',
      files: podWithDynamic('envv', 'envv.key', 'envv.value'),
      findings: [{ at: 'envv', messageId: 'unknownDynamicBlock', message: /no block type `envv` for this `dynamic` block to make.*Did you mean `env`\?/, fixTitle: 'Change to `env`' }],
      output: podWithDynamic('env', 'env.key', 'env.value'),
    },
    {
      name: 'a block the docker 3.x release does not know',
      files: `terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}
${header}
resource "docker_container" "w" {
  name  = "w"
  image = "x"
  nothing_here {}
}
`,
      findings: [{ at: 'nothing_here', messageId: 'unknownBlock', message: /in `kreuzwerker\/docker 3\.9\.0`/, fixTitle: null }],
    },
  ],
  noFix: [
    {
      name: 'no block type close to the name, in a resource and in its lifecycle block: nothing to rename to',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  zzzzzzzz {}
  lifecycle {
    zzz_never {}
  }
}
`,
      findings: [
        { at: 'zzzzzzzz', messageId: 'unknownBlock' },
        { at: 'zzz_never', messageId: 'unknownTerraformBlock', message: /^this `lifecycle` block has no block type `zzz_never`: `terraform plan` stops with "Unsupported block type"\.$/ },
      ],
    },
    {
      name: 'a string argument written as a block, and a map argument written as a labelled block: what value was meant is unknown',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir {
    path = "/home/coder"
  }
  env "FOO" {
    value = "bar"
  }
}
`,
      findings: [{ at: 'dir', messageId: 'argumentNotBlock' }, { at: 'env', messageId: 'argumentNotBlock' }],
    },
    {
      name: 'a dynamic block whose content binds its name again in a for expression: which use is the iterator is not guessed',
      files: podWithDynamic('envv', 'envv.key', `join(",", [for envv in ["a"] : envv])`),
      findings: [{ at: 'envv', messageId: 'unknownDynamicBlock' }],
    },
  ],
});
