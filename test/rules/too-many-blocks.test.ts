import { tooManyBlocks } from '../../server/src/rules/too-many-blocks';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(tooManyBlocks, {
  valid: [
    {
      name: 'one of each single block, and any number of repeatable ones',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  display_apps {}
  metadata {
    key      = "a"
    script   = "a"
    interval = 1
  }
  metadata {
    key      = "b"
    script   = "b"
    interval = 1
  }
  lifecycle {}
}
`,
    },
  ],
  invalid: [
    {
      name: 'two display_apps blocks',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode = false
  }
  display_apps {
    web_terminal = true
  }
}
`,
      findings: [{ at: 'display_apps', occurrence: 1, messageId: 'onlyOne', message: /Only one `display_apps` block is allowed here; this is number 2/ }],
    },
    {
      name: 'a second lifecycle block, and a second spec in a pod',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {}
  spec {}
  lifecycle {}
  lifecycle {}
}
`,
      findings: [
        { at: 'spec', occurrence: 1, messageId: 'onlyOne', message: /Only one `spec` block/ },
        { at: 'lifecycle', occurrence: 1, messageId: 'onlyOne', message: /Only one `lifecycle` block/ },
      ],
    },
    {
      name: 'a block type allowed more than once, one time too many: 101 `port` blocks where 100 are allowed',
      files: `${header}
resource "kubernetes_endpoint_slice_v1" "s" {
  metadata {}
  address_type = "IPv4"
  endpoint {
    addresses = ["10.0.0.1"]
  }
${'  port {}\n'.repeat(101)}}
`,
      findings: [
        {
          at: 'port',
          occurrence: 100,
          messageId: 'onlySome',
          message: /^Only 100 `port` blocks are allowed here; this is number 101: `terraform plan` stops with "Too many port blocks"\./,
        },
      ],
    },
  ],
});
