import { duplicateAppSlug } from '../../server/src/rules/duplicate-app-slug';
import { ruleTable } from '../helpers/ruleTester';

const agents = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "gpu" {
  os   = "linux"
  arch = "amd64"
}
`;

const app = (label: string, agent: string, slug: string, extra = '') => `
resource "coder_app" "${label}" {
${extra}  agent_id = coder_agent.${agent}.id
  slug     = ${slug}
}
`;

/** A local module's one app, on the agent it is given. */
const MODULE_APP = `variable "agent_id" {
  type = string
}
${app('code_server', 'x', '"code-server"').replace('coder_agent.x.id', 'var.agent_id')}`;

ruleTable(duplicateAppSlug, {
  valid: [
    {
      name: 'different slugs on different agents; one counted by start_count',
      files: agents + app('code', 'main', '"code-server"', '  count    = data.coder_workspace.me.start_count\n') + app('gpu_code', 'gpu', '"code-server-gpu"'),
    },
    {
      name: 'a slug that follows for_each, and a slug Coder cannot know',
      files: agents + app('tools', 'main', '"tool-${each.key}"', '  for_each = { a = 1, b = 2 }\n') + app('x', 'gpu', 'var.slug') + app('y', 'main', 'var.slug'),
    },
    {
      name: 'apps with a count Coder cannot know',
      files: agents + app('code', 'main', '"code"', '  count    = var.enable ? 1 : 0\n') + app('code2', 'gpu', '"code"', '  count    = var.enable ? 0 : 1\n'),
    },
  ],
  invalid: [
    {
      name: 'the same slug on two agents: slugs are unique per template, not per agent',
      files: agents + app('code', 'main', '"code-server"') + app('gpu_code', 'gpu', '"code-server"'),
      findings: [
        {
          at: 'code-server',
          occurrence: 1,
          messageId: 'alreadyUsed',
          message: /^`coder_app\.code` already uses the slug "code-server"\. Slugs must differ across the whole template, even between apps of different agents: importing it fails with `duplicate app slug, they must be unique per template: "code-server"`\.$/,
        },
      ],
    },
    {
      name: 'count = 2 with a fixed slug',
      files: agents + app('code', 'main', '"code"', '  count    = 2\n'),
      findings: [{ range: [15, 14, 15, 18], messageId: 'repeatedInstances', message: /^`coder_app\.code` has 2 instances with the same slug "code"\./ }],
    },
    {
      name: 'an app in a local module repeats a slug of the template',
      files: {
        'main.tf': `${agents}${app('code', 'main', '"code-server"')}
module "code_server" {
  source   = "./modules/code-server"
  agent_id = coder_agent.gpu.id
}
`,
        'modules/code-server/main.tf': MODULE_APP,
      },
      findings: [{ at: 'code_server', messageId: 'alreadyUsed', message: /^`coder_app\.code` already uses the slug "code-server"/ }],
    },
    {
      name: 'two local modules with one slug: the second call names the first module the slug comes through',
      files: {
        'main.tf': `${agents}
module "code_a" {
  source   = "./modules/a"
  agent_id = coder_agent.main.id
}

module "code_b" {
  source   = "./modules/b"
  agent_id = coder_agent.gpu.id
}
`,
        'modules/a/main.tf': MODULE_APP,
        'modules/b/main.tf': MODULE_APP,
      },
      findings: [
        {
          at: 'code_b',
          messageId: 'alreadyUsedThroughModule',
          message: /^`module\.code_a\.coder_app\.code_server` already uses the slug "code-server" \(through `module\.code_a`\)\. Slugs must differ/,
        },
      ],
    },
    {
      name: 'one local module called twice: each call adds the same slug again',
      files: {
        'main.tf': `${agents}
module "code_a" {
  source   = "./modules/code-server"
  agent_id = coder_agent.main.id
}

module "code_b" {
  source   = "./modules/code-server"
  agent_id = coder_agent.gpu.id
}
`,
        'modules/code-server/main.tf': MODULE_APP,
      },
      findings: [
        {
          at: 'code_b',
          messageId: 'alreadyUsedThroughModule',
          message: /^`module\.code_a\.coder_app\.code_server` already uses the slug "code-server" \(through `module\.code_a`\)\. Slugs must differ/,
        },
      ],
    },
  ],
});
