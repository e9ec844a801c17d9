import { duplicateResourceMetadata } from '../../server/src/rules/duplicate-resource-metadata';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  count = data.coder_workspace.me.start_count
  image = "ubuntu"
}

resource "docker_volume" "home" {
  name = "home"
}
`;

const metadata = (label: string, resourceId: string, extra = '') => `
resource "coder_metadata" "${label}" {
${extra}  resource_id = ${resourceId}
  item {
    key   = "name"
    value = "${label}"
  }
}
`;

ruleTable(duplicateResourceMetadata, {
  valid: [
    {
      name: 'one coder_metadata per resource, counted by start_count',
      files: head + metadata('container', 'docker_container.workspace[0].id', '  count       = data.coder_workspace.me.start_count\n') + metadata('home', 'docker_volume.home.id'),
    },
    {
      name: "metadata on Coder's own resources, or naming two resources: Coder's choice is not certain",
      files:
        head +
        metadata('agent', 'coder_agent.main.id') +
        metadata('agent2', 'coder_agent.main.id') +
        `
resource "coder_metadata" "both" {
  resource_id = docker_volume.home.id
  item {
    key   = "image"
    value = docker_container.workspace[0].image
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'two coder_metadata on one container',
      files: head + metadata('container', 'docker_container.workspace[0].id') + metadata('more', 'docker_container.workspace[0].id'),
      findings: [
        {
          at: 'resource_id = docker_container.workspace[0].id',
          occurrence: 1,
          messageId: 'alreadyDescribed',
          message: /^`coder_metadata\.container` already describes `docker_container\.workspace`\. Coder .*`duplicate metadata resource: docker_container\.workspace`\. Put all the items in one `coder_metadata`\.$/,
        },
      ],
    },
    {
      name: 'one coder_metadata with two instances',
      files: head + metadata('home', 'docker_volume.home.id', '  count       = 2\n'),
      findings: [{ at: 'resource_id = docker_volume.home.id', messageId: 'repeatedInstances', message: /^`coder_metadata\.home` has 2 instances, all describing `docker_volume\.home`\./ }],
    },
  ],
});
