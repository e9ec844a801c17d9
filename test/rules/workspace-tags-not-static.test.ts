import { workspaceTagsNotStatic } from '../../server/src/rules/workspace-tags-not-static';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

variable "cluster" {
  type    = string
  default = "eu"
}

data "coder_parameter" "region" {
  name    = "region"
  default = "eu-west"
}
`;

ruleTable(workspaceTagsNotStatic, {
  valid: [
    {
      name: 'literals, variables, parameters with literal defaults, and functions that need no files',
      files: `${head}
data "coder_workspace_tags" "tags" {
  tags = {
    "cluster" = var.cluster
    "region"  = data.coder_parameter.region.value
    "os"      = "linux"
    "gpu"     = true
    "zone"    = lower("\${data.coder_parameter.region.value}-a")
  }
}
`,
    },
    {
      name: 'keys in two blocks that differ',
      files: `${head}
data "coder_workspace_tags" "a" {
  tags = { "os" = "linux" }
}

data "coder_workspace_tags" "b" {
  tags = { arch = "amd64" }
}
`,
    },
  ],
  invalid: [
    {
      name: 'tags built from another value',
      files: `${head}
locals {
  tags = { os = "linux" }
}

data "coder_workspace_tags" "tags" {
  tags = merge(local.tags, { arch = "amd64" })
}
`,
      findings: [{ at: 'merge(local.tags, { arch = "amd64" })', messageId: 'notMap', message: /`"tags" attribute is expected to be a key-value map`\.$/ }],
    },
    {
      name: 'references Coder cannot evaluate at push, a repeated key, a list value',
      files: `${head}
locals {
  pool = "gpu"
}

data "coder_workspace_tags" "tags" {
  tags = {
    "pool"   = local.pool
    "owner"  = data.coder_workspace_owner.me.name
    "host"   = docker_container.x.hostname
    "pool"   = "cpu"
    "list"   = ["a"]
    "script" = file("\${path.module}/tag.txt")
  }
}
`,
      findings: [
        { at: 'local.pool', occurrence: 0, messageId: 'unknownValue', message: /^Coder evaluates workspace tags when the template is pushed, .*: `local\.pool` has no value then\. Pushing fails with `failed to evaluate workspace tag key "pool" value "local\.pool": …Unknown variable…`\.$/ },
        { at: 'data.coder_workspace_owner.me.name', messageId: 'unsupportedDataSource', message: /`invalid workspace tag value "data\.coder_workspace_owner\.me\.name": only the "coder_parameter" data source is supported here`/ },
        { at: 'docker_container.x.hostname', messageId: 'unknownValue', message: /`docker_container\.x` has no value then/ },
        { at: '"pool"', occurrence: 1, messageId: 'duplicateKey', message: /^The tag "pool" is already set \(line 19\); .*`workspace tag "pool" is defined multiple times`\.$/ },
        { at: '["a"]', messageId: 'notPrimitive', message: /only primitive types are supported - bool, number, and string/ },
        { at: 'file("${path.module}/tag.txt")', messageId: 'fileFunction', message: /it has no files there, so `file\(\)` cannot be used in a tag value/ },
        { at: 'path.module', messageId: 'unknownValue', message: /`path` has no value then/ },
      ],
    },
    {
      name: 'a parameter without a default, one whose default needs another parameter, and no tags',
      files: `${head}
data "coder_parameter" "pool" {
  name = "pool"
}

data "coder_parameter" "zone" {
  name    = "zone"
  default = "\${data.coder_parameter.region.value}-a"
}

data "coder_workspace_tags" "tags" {
  tags = {
    "pool" = data.coder_parameter.pool.value
    "zone" = data.coder_parameter.zone.value
  }
}

data "coder_workspace_tags" "empty" {}
`,
      findings: [
        { at: 'data.coder_parameter.pool.value', messageId: 'parameterWithoutDefault', message: /^`data\.coder_parameter\.pool` has no default, .*`Tag value is not known, it likely refers to a variable that is not set or has no default\.`/ },
        { at: 'data.coder_parameter.zone.value', messageId: 'parameterDefaultReference', message: /^The default of `data\.coder_parameter\.zone` refers to `data\.coder_parameter\.region`\. .*`failed to evaluate coder_parameter "zone" default value/ },
        { at: 'empty', messageId: 'noTags', severity: 'warning', message: /`"tags" attribute is required by coder_workspace_tags`\.$/ },
      ],
    },
  ],
});
