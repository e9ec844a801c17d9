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
      findings: [{ at: 'repo_dr', messageId: 'missingOutput', message: /The module `git-clone` has no output `repo_dr` \(its outputs are .*`repo_dir`.*\).*Did you mean `repo_dir`\?/, fixTitle: 'Change to `repo_dir`' }],
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
          messageId: 'undeclaredVariable',
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
      findings: [{ at: 'local.image', messageId: 'undeclaredLocal', fixTitle: 'Change to `local.images`' }],
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
      findings: [{ at: 'var.image', messageId: 'undeclaredVariable', message: /Did you mean `var\.image_a`\?$/, fixTitle: 'Change to `var.image_a`', suggestions: ['Declare `variable "image"`'] }],
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
        { at: 'data.coder_workspace_owner.me', messageId: 'undeclaredDataSource', suggestions: [] },
        { at: 'docker_network.private', messageId: 'undeclaredResource' },
        { at: 'var.zzz', messageId: 'undeclaredVariable', suggestions: ['Declare `variable "zzz"`'] },
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
      findings: [{ at: 'var.image', messageId: 'undeclaredVariable', suggestions: ['Change to `var.image_a`', 'Change to `var.image_b`', 'Declare `variable "image"`'] }],
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
      findings: [{ at: 'data.coder_workspace_owner.me', messageId: 'undeclaredDataSource', message: /^(?!.*Did you mean)/, suggestions: [] }],
    },
    {
      name: 'a module the template does not call',
      files: `${head}
output "url" {
  value = module.nope.url
}
`,
      findings: [
        {
          at: 'module.nope',
          messageId: 'undeclaredModule',
          message: /^`module\.nope` refers to a module that this module does not declare: Terraform stops with "Reference to undeclared module"\.$/,
        },
      ],
    },
    {
      name: 'outputs that a registry module without outputs and two local modules do not have',
      files: {
        'main.tf': `${head}
module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.5"
  agent_id = coder_agent.main.id
}

module "dind" {
  source = "./modules/dind"
}

module "bare" {
  source = "./modules/bare"
}

output "all" {
  value = [module.code-server.url, module.dind.zzz, module.bare.id]
}
`,
        'modules/dind/outputs.tf': `output "container_id" {
  value = "x"
}
`,
        'modules/bare/main.tf': `variable "image" {
  default = "x"
}
`,
      },
      findings: [
        {
          at: 'url',
          messageId: 'missingOutputOfNone',
          message: /^The module `code-server` has no output `url` \(it has no outputs\): `terraform plan` stops with "Unsupported attribute"\.$/,
        },
        {
          at: 'zzz',
          messageId: 'localMissingOutput',
          message: /^The local module `\.\/modules\/dind` has no output `zzz` \(its outputs are `container_id`\): `terraform plan` stops/,
        },
        { at: 'id', occurrence: 2, messageId: 'localMissingOutputOfNone', message: /^The local module `\.\/modules\/bare` has no output `id` \(it has no outputs\)/ },
      ],
    },
  ],
});
