import { moduleUnpinnedVersion } from '../../server/src/rules/module-unpinned-version';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(moduleUnpinnedVersion, {
  valid: [
    {
      name: 'pinned registry modules, any constraint, and sources that take no version',
      files: `${header}
module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  version  = var.code_server_version
  agent_id = coder_agent.main.id
}

variable "code_server_version" {
  type = string
}

module "local" {
  source = "./modules/dind"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a registry module without version is pinned to the newest minor release',
      files: `${header}
module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  agent_id = coder_agent.main.id
}
`,
      findings: [{ at: 'source   = "registry.coder.com/coder/code-server/coder"', messageId: 'unpinned', message: /without a `version`.*the newest release is 1\.5\.2: `~> 1\.5`/, fixTitle: 'Pin to `~> 1.5`' }],
      output: `${header}
module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  agent_id = coder_agent.main.id
  version  = "~> 1.5"
}
`,
    },
  ],
  noFix: [
    {
      name: 'a registry module the index does not hold: no release to pin to',
      files: `${header}
module "new" {
  source = "registry.coder.com/coder/brand-new/coder"
}
`,
      findings: [{ at: 'source = "registry.coder.com/coder/brand-new/coder"', messageId: 'unpinnedNoRelease', message: /without a `version`: .*every workspace at its next start\. Pin a constraint\.$/ }],
    },
  ],
});
