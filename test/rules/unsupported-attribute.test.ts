import { unsupportedAttribute } from '../../server/src/rules/unsupported-attribute';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(unsupportedAttribute, {
  valid: [
    {
      name: 'arguments, read-only attributes, blocks and nested object attributes',
      files: `${header}
resource "docker_container" "w" {
  count   = data.coder_workspace.me.start_count
  name    = "w-\${data.coder_workspace.me.name}"
  image   = "x"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}

resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {}
}

output "ip" {
  value = docker_container.w[0].network_data[0].ip_address
}

output "pod" {
  value = [kubernetes_pod_v1.p.metadata[0].name, kubernetes_pod_v1.p.spec[0].container, docker_container.w[*].id]
}
`,
    },
    {
      name: 'the owner attributes of coder_workspace are removed-workspace-owner-attribute\'s',
      files: `${header}
output "owner" {
  value = data.coder_workspace.me.owner
}
`,
    },
    {
      name: 'undeclared objects and other providers are left to other rules',
      files: `${header}
output "x" {
  value = [docker_container.nope.anything, null_resource.n.nothing, data.coder_parameter.missing.x]
}

resource "null_resource" "n" {}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt attribute of a resource and of a data source',
      files: `${header}
resource "docker_container" "w" {
  count   = data.coder_workspace.me.start_count
  name    = "w"
  image   = "x"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_scrpt]
}

output "name" {
  value = data.coder_workspace.me.nme
}
`,
      findings: [
        { at: 'init_scrpt', messageId: 'unsupportedAttribute', message: /`coder_agent\.main` has no attribute `init_scrpt` in `coder\/coder 2\.17\.0`.*Did you mean `init_script`\?/, fixTitle: 'Change to `init_script`' },
        { at: 'nme', messageId: 'unsupportedAttribute', message: /`data\.coder_workspace\.me` has no attribute `nme`.*Did you mean `name`\?/, fixTitle: 'Change to `name`' },
      ],
      output: `${header}
resource "docker_container" "w" {
  count   = data.coder_workspace.me.start_count
  name    = "w"
  image   = "x"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

output "name" {
  value = data.coder_workspace.me.name
}
`,
    },
    {
      name: 'inside a nested object, after an instance key',
      files: `${header}
resource "docker_container" "w" {
  count = 1
  name  = "w"
  image = "x"
}

output "ip" {
  value = docker_container.w[0].network_data[0].ip_adress
}
`,
      findings: [{ at: 'ip_adress', messageId: 'unsupportedAttribute', message: /has no attribute `network_data\.ip_adress`.*Did you mean `ip_address`\?/ }],
      output: `${header}
resource "docker_container" "w" {
  count = 1
  name  = "w"
  image = "x"
}

output "ip" {
  value = docker_container.w[0].network_data[0].ip_address
}
`,
    },
  ],
  noFix: [
    {
      name: 'no attribute close to the name: nothing to change to',
      files: `${header}
output "x" {
  value = [coder_agent.main.qqqqqqqqqq, data.coder_workspace.me.zzzzzzzzzz]
}
`,
      findings: [
        { at: 'qqqqqqqqqq', messageId: 'unsupportedAttribute', message: /^`coder_agent\.main` has no attribute `qqqqqqqqqq` in `coder\/coder 2\.17\.0`: `terraform plan` stops with "Unsupported attribute"\.$/ },
        { at: 'zzzzzzzzzz', messageId: 'unsupportedAttribute' },
      ],
    },
    {
      name: 'attributes the release removed say when, and what replaces them',
      files: `${header}
output "x" {
  value = [coder_agent.main.startup_script_timeout, coder_agent.main.login_before_ready]
}
`,
      findings: [
        { at: 'startup_script_timeout', messageId: 'removedAttribute', message: /^`coder_agent\.main` has no attribute `startup_script_timeout` in `coder\/coder 2\.17\.0`: .* It was removed in 2\.0\.0\.$/ },
        { at: 'login_before_ready', messageId: 'replacedAttribute', message: /"Unsupported attribute"\. It was removed in 2\.0\.0; use `startup_script_behavior`\.$/ },
      ],
    },
  ],
});
