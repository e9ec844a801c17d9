import { duplicateAgentName } from '../../server/src/rules/duplicate-agent-name';
import { ruleTable } from '../helpers/ruleTester';

const agent = (label: string, extra = '') => `resource "coder_agent" "${label}" {
${extra}  os   = "linux"
  arch = "amd64"
}
`;

/** A call of the local module `./modules/<name>`. */
const call = (name: string) => `module "${name}" {
  source = "./modules/${name}"
}
`;

ruleTable(duplicateAgentName, {
  valid: [
    {
      name: 'two agents with different names; one counted by start_count',
      files: `data "coder_workspace" "me" {}
${agent('main', '  count = data.coder_workspace.me.start_count\n')}
${agent('sidecar')}`,
    },
    {
      name: 'a count Coder cannot know, and for_each over one key',
      files: `data "coder_workspace" "me" {}
${agent('main', '  count = var.agents\n')}
${agent('dev', '  for_each = toset(["one"])\n')}
${agent('ops', '  for_each = { one = 1 }\n')}`,
    },
    {
      name: 'the same local module called twice, holding no agent',
      files: {
        'main.tf': `data "coder_workspace" "me" {}
${agent('main')}
module "tools_a" {
  source = "./modules/tools"
}

module "tools_b" {
  source = "./modules/tools"
}
`,
        'modules/tools/main.tf': `resource "coder_app" "code" {
  agent_id = var.agent_id
  slug     = "code"
}
`,
      },
    },
    {
      name: 'a registry module is not on disk: unknown, silent',
      files: `data "coder_workspace" "me" {}
${agent('main')}
module "agent" {
  source = "registry.coder.com/acme/agent/coder"
  count  = 2
}
`,
    },
  ],
  invalid: [
    {
      name: 'names equal when case is ignored',
      files: `data "coder_workspace" "me" {}
${agent('Main')}
${agent('main')}`,
      findings: [
        {
          at: 'main',
          messageId: 'sameNameIgnoringCase',
          message: /^`coder_agent\.main` and `coder_agent\.Main` are both named `main` when case is ignored, as Coder ignores it\. .*`duplicate agent name: main`\.$/,
        },
      ],
    },
    {
      name: 'count = 2 and for_each over two keys',
      files: `data "coder_workspace" "me" {}
${agent('main', '  count = 2\n')}
${agent('dev', '  for_each = { a = 1, b = 2 }\n')}`,
      findings: [
        { at: 'main', messageId: 'instances', message: /^`coder_agent\.main` has 2 instances, and each takes the same name `main`\./ },
        { at: 'dev', messageId: 'instances', message: /`coder_agent\.dev` has 2 instances/ },
      ],
    },
    {
      name: 'a local module with an agent, called twice; and one whose agent repeats the template\'s',
      files: {
        'main.tf': `data "coder_workspace" "me" {}
${agent('main')}
module "box" {
  source = "./modules/box"
  count  = 2
}

module "extra" {
  source = "./modules/main-agent"
}
`,
        'modules/box/main.tf': agent('box'),
        'modules/main-agent/agent.tf': agent('MAIN'),
      },
      findings: [
        { at: 'box', messageId: 'instances', message: /^`module\.box\.coder_agent\.box` has 2 instances/ },
        { at: 'extra', messageId: 'sameNameIgnoringCase', message: /^`module\.extra\.coder_agent\.MAIN` and `coder_agent\.main` are both named `MAIN` when case is ignored/ },
      ],
    },
    {
      name: 'the same name, same case, in the template and in a module it calls',
      files: {
        'main.tf': `data "coder_workspace" "me" {}
${agent('main')}
${call('extra')}`,
        'modules/extra/main.tf': agent('main'),
      },
      findings: [
        {
          at: 'extra',
          messageId: 'sameName',
          message: /^`module\.extra\.coder_agent\.main` and `coder_agent\.main` are both named `main`\. Coder names every agent .*`duplicate agent name: main`\.$/,
        },
      ],
    },
    {
      name: 'two modules whose agents share a name: the first is named with the call it comes through',
      files: {
        'main.tf': `data "coder_workspace" "me" {}
${call('alpha')}
${call('beta')}
${call('gamma')}`,
        'modules/alpha/main.tf': agent('dev'),
        'modules/beta/main.tf': agent('dev'),
        'modules/gamma/main.tf': agent('Dev'),
      },
      findings: [
        {
          at: 'beta',
          messageId: 'sameNameInModule',
          message: /^`module\.beta\.coder_agent\.dev` and `module\.alpha\.coder_agent\.dev` \(called through `module\.alpha`\) are both named `dev`\. Coder/,
        },
        {
          at: 'gamma',
          messageId: 'sameNameIgnoringCaseInModule',
          message: /^`module\.gamma\.coder_agent\.Dev` and `module\.alpha\.coder_agent\.dev` \(called through `module\.alpha`\) are both named `Dev` when case is ignored, as Coder ignores it\. Coder/,
        },
      ],
    },
  ],
});
