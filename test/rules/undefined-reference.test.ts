import { undefinedReference } from '../../server/src/rules/undefined-reference';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(undefinedReference, {
  valid: [
    {
      name: 'declared variable, local, data source and resource',
      files: `${head}
variable "namespace" {
  default = "coder"
}

locals {
  image = "codercom/enterprise-base:ubuntu"
}

resource "docker_volume" "home" {
  name = "\${var.namespace}-\${data.coder_workspace.me.id}-\${local.image}"
}

output "volume" {
  value = docker_volume.home.name
}
`,
    },
    {
      name: 'declarations in another file of the module count',
      files: {
        'main.tf': `${head}
resource "docker_volume" "home" {
  name = var.namespace
}
`,
        'variables.tf': `variable "namespace" {
  type = string
}
`,
      },
    },
    {
      name: 'iterators of for expressions and dynamic blocks are not references',
      files: `${head}
variable "ports" {
  default = []
}

resource "docker_container" "w" {
  image = "x"
  env   = [for my_port in var.ports : "P=\${my_port.number}"]
  dynamic "ports_spec" {
    for_each = var.ports
    content {
      internal = ports_spec.value
    }
  }
}
`,
    },
    {
      name: 'count.index, each.key, path.module and self',
      files: `${head}
resource "docker_volume" "v" {
  count = 2
  name  = "\${count.index}-\${path.module}"
}
`,
    },
  ],
  invalid: [
    {
      name: 'an output a registry module does not have, after an instance key',
      files: `${head}
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

module "git-clone" {
  count    = 1
  source   = "registry.coder.com/coder/git-clone/coder"
  version  = "~> 2.0"
  agent_id = coder_agent.dev.id
  url      = "https://github.com/coder/coder"
}

output "path" {
  value = module.git-clone[0].repo_dr
}
`,
      findings: [{ at: 'repo_dr', message: /The module `git-clone` has no output `repo_dr` \(its outputs are .*`repo_dir`.*\).*Did you mean `repo_dir`\?/, fixTitle: 'Change to `repo_dir`' }],
      output: `${head}
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

module "git-clone" {
  count    = 1
  source   = "registry.coder.com/coder/git-clone/coder"
  version  = "~> 2.0"
  agent_id = coder_agent.dev.id
  url      = "https://github.com/coder/coder"
}

output "path" {
  value = module.git-clone[0].repo_dir
}
`,
    },
    {
      name: 'var.namespace with variable "workspaces_namespace" declared (the docs sidecar example)',
      files: `${head}
variable "workspaces_namespace" {
  default = "coder-namespace"
}

resource "docker_volume" "home" {
  name = var.namespace
}
`,
      findings: [
        {
          at: 'var.namespace',
          message: /`var\.namespace` refers to a variable that this module does not declare.*Did you mean `var\.workspaces_namespace`/,
          fixTitle: 'Change to `var.workspaces_namespace`',
          suggestions: ['Declare `variable "namespace"`'],
        },
      ],
      output: `${head}
variable "workspaces_namespace" {
  default = "coder-namespace"
}

resource "docker_volume" "home" {
  name = var.workspaces_namespace
}
`,
    },
    {
      name: 'a near-miss local within edit distance 3',
      files: `${head}
locals {
  images = "x"
}

resource "docker_volume" "home" {
  name = local.image
}
`,
      findings: [{ at: 'local.image', fixTitle: 'Change to `local.images`' }],
      output: `${head}
locals {
  images = "x"
}

resource "docker_volume" "home" {
  name = local.images
}
`,
    },
    {
      name: 'of two close labels, only the one a reference can spell is the fix',
      files: `${head}
variable "image_a" {}
variable "image\u{1E030}" {}

resource "docker_volume" "home" {
  name = var.image
}
`,
      findings: [{ at: 'var.image', message: /Did you mean `var\.image_a`\?$/, fixTitle: 'Change to `var.image_a`', suggestions: ['Declare `variable "image"`'] }],
      output: `${head}
variable "image_a" {}
variable "image\u{1E030}" {}

resource "docker_volume" "home" {
  name = var.image_a
}
`,
    },
  ],
  noFix: [
    {
      name: 'undeclared data source and resource; no close name means no fix but a suggestion',
      files: `${head}
resource "docker_volume" "home" {
  name = "\${data.coder_workspace_owner.me.name}-\${docker_network.private.name}-\${var.zzz}"
}
`,
      findings: [
        { at: 'data.coder_workspace_owner.me', suggestions: [] },
        { at: 'docker_network.private' },
        { at: 'var.zzz', suggestions: ['Declare `variable "zzz"`'] },
      ],
    },
    {
      name: 'two close names: no fix, both offered as suggestions',
      files: `${head}
variable "image_a" {}
variable "image_b" {}

resource "docker_volume" "home" {
  name = var.image
}
`,
      findings: [{ at: 'var.image', suggestions: ['Change to `var.image_a`', 'Change to `var.image_b`', 'Declare `variable "image"`'] }],
    },
    {
      // Fuzz mutant 4a3d682fc67aa56f: labels are strings, and "\uFFFDme" is no identifier, so
      // `data.coder_workspace_owner.\uFFFDme` would not parse. No fix, no suggestion, no "Did you mean".
      name: 'a close label that is not an identifier is not offered',
      files: `${head}
data "coder_workspace_owner" "\uFFFDme" {}

resource "docker_volume" "home" {
  name = data.coder_workspace_owner.me.name
}
`,
      findings: [{ at: 'data.coder_workspace_owner.me', message: /^(?!.*Did you mean)/, suggestions: [] }],
    },
  ],
});
