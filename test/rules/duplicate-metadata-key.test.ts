import { duplicateMetadataKey } from '../../server/src/rules/duplicate-metadata-key';
import { ruleTable } from '../helpers/ruleTester';

const metadata = (key: string, script = 'echo 1') => `
  metadata {
    key          = ${key}
    display_name = "Usage"
    script       = "${script}"
    interval     = 10
  }
`;

ruleTable(duplicateMetadataKey, {
  valid: [
    {
      name: 'distinct keys; the same key on two agents',
      files: `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
${metadata('"cpu"')}${metadata('"mem"')}}

resource "coder_agent" "gpu" {
  os   = "linux"
  arch = "amd64"
${metadata('"cpu"')}}
`,
    },
    {
      name: 'a dynamic metadata block and computed keys',
      files: `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
${metadata('"cpu"')}
  dynamic "metadata" {
    for_each = var.extra
    content {
      key          = metadata.value
      display_name = metadata.value
      script       = "true"
      interval     = 10
    }
  }
}

resource "coder_metadata" "info" {
  resource_id = coder_agent.main.id
  item {
    key   = var.label
    value = "a"
  }
  item {
    key   = var.label
    value = "b"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'two agent metadata blocks with one key',
      files: `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
${metadata('"cpu"')}${metadata('"cpu"', 'top -bn1')}}
`,
      findings: [
        {
          at: '"cpu"',
          occurrence: 1,
          messageId: 'agentMetadataKey',
          message: /^The metadata block on line 7 of `coder_agent\.main` already has the key "cpu"\. The coder provider refuses repeated keys when it plans the template: `duplicate agent metadata key "cpu"`\.$/,
        },
      ],
    },
    {
      name: 'two items of one coder_metadata with one key',
      files: `data "coder_workspace" "me" {}

resource "docker_container" "workspace" {
  image = "ubuntu"
}

resource "coder_metadata" "info" {
  resource_id = docker_container.workspace.id
  item {
    key   = "image"
    value = "ubuntu"
  }
  item {
    key   = "image"
    value = docker_container.workspace.image
  }
}
`,
      findings: [{ at: '"image"', occurrence: 1, messageId: 'resourceMetadataKey', message: /^The item block on line 9 of `coder_metadata\.info` .*`duplicate resource metadata key "image"`\.$/ }],
    },
  ],
});
