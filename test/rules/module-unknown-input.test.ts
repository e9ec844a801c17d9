import { moduleUnknownInput } from '../../server/src/rules/module-unknown-input';
import type { RegistryIndexFile } from '../../server/src/schema/registryFormat';
import { ruleTable } from '../helpers/ruleTester';

// A module with no release tag yet: the index generator (scripts/registry/main.ts) keeps such modules with
// no versions, and the bundled index happens to hold none, so this file's process gets one of its own.
const index = require('../../server/src/schema/data/coder-registry.json') as RegistryIndexFile;
index.modules['fresh-server'] ??= { ...index.modules['code-server']!, name: 'fresh-server', versions: [] };

const header = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(moduleUnknownInput, {
  valid: [
    {
      name: 'known inputs and meta-arguments',
      files: `${header}
module "code-server" {
  count      = data.coder_workspace.me.start_count
  source     = "registry.coder.com/coder/code-server/coder"
  version    = "~> 1.5"
  agent_id   = coder_agent.main.id
  extensions = ["dracula-theme.theme-dracula"]
  depends_on = [coder_agent.main]
  providers  = {}
}
`,
    },
    {
      name: 'a local folder that cannot be read, and one that exists',
      files: {
        'main.tf': `${header}
module "missing" {
  source   = "./modules/not-here"
  anything = 1
}

module "dind" {
  source = "../template/modules/dind"
  image  = "docker:dind"
}
`,
        'modules/dind/main.tf': `variable "image" {
  type = string
}
`,
      },
    },
    {
      name: 'a constraint that leaves out the newest release: its inputs may differ',
      files: `${header}
module "code-server" {
  source      = "registry.coder.com/coder/code-server/coder"
  version     = "< 1.2"
  agent_id    = coder_agent.main.id
  old_setting = true
}
`,
    },
  ],
  invalid: [
    {
      name: 'a local module\'s misspelt input',
      files: {
        'main.tf': `${header}
module "dind" {
  source = "./modules/dind"
  imgae  = "docker:dind"
}
`,
        'modules/dind/main.tf': `variable "image" {
  type    = string
  default = "docker:dind"
}
`,
      },
      findings: [{ at: 'imgae', messageId: 'localModule', message: /The local module `\.\/modules\/dind` has no input `imgae`.*Did you mean `image`\?/ }],
      output: {
        'main.tf': `${header}
module "dind" {
  source = "./modules/dind"
  image  = "docker:dind"
}
`,
      },
    },
    {
      name: 'a misspelt input',
      files: `${header}
module "code-server" {
  source     = "registry.coder.com/coder/code-server/coder"
  version    = "~> 1.0"
  agent_id   = coder_agent.main.id
  extension  = ["dracula-theme.theme-dracula"]
}
`,
      findings: [{ at: 'extension', messageId: 'registryModule', message: /The module `code-server` \(latest 1\.5\.2\) has no input `extension`.*Did you mean `extensions`\?/, fixTitle: 'Change to `extensions`' }],
      output: `${header}
module "code-server" {
  source     = "registry.coder.com/coder/code-server/coder"
  version    = "~> 1.0"
  agent_id   = coder_agent.main.id
  extensions  = ["dracula-theme.theme-dracula"]
}
`,
    },
  ],
  noFix: [
    {
      name: 'an input no module input is near, of a released module and of one without a release yet',
      files: `${header}
module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  agent_id = coder_agent.main.id
  theme    = "dark"
}

module "fresh" {
  source   = "registry.coder.com/coder/fresh-server/coder"
  agent_id = coder_agent.main.id
  theme    = "dark"
}
`,
      findings: [
        { at: 'theme', messageId: 'registryModule', message: /^The module `code-server` \(latest 1\.5\.2\) has no input `theme`: `terraform plan` stops with "Unsupported argument"\.$/ },
        { at: 'theme', occurrence: 1, messageId: 'unreleasedModule', message: /^The module `fresh-server` \(unreleased\) has no input `theme`: `terraform plan` stops/ },
      ],
    },
  ],
});
