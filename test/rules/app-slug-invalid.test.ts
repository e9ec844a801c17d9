import { appSlugInvalid } from '../../server/src/rules/app-slug-invalid';
import { ruleTable } from '../helpers/ruleTester';

const agent = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const app = (label: string, slug: string) => `
resource "coder_app" "${label}" {
  agent_id = coder_agent.main.id
  slug     = ${slug}
  url      = "http://localhost:8080"
}
`;

const PROVIDER_ERROR = (slug: string) =>
  new RegExp(
    `stops with \`invalid "coder_app" slug, must be a valid hostname \\("\\^\\[a-z0-9\\]\\(-\\?\\[a-z0-9\\]\\)\\*\\$", cannot contain two consecutive hyphens or start/end with a hyphen\\): "${slug}"\`\\.$`,
  );

ruleTable(appSlugInvalid, {
  valid: [
    { name: 'lower-case letters and digits joined by single hyphens', files: agent + app('code', '"code-server"') + app('web', '"web2"') },
    { name: 'a slug Terraform computes is not read', files: agent + app('code', 'var.slug') + app('web', '"${var.prefix}-web"') },
    { name: 'not a Coder template', files: app('code', '"Code_Server"').replace('coder_agent.main.id', '"x"').replace('coder_app', 'coder_app_like') },
  ],
  invalid: [
    {
      name: 'upper case and an underscore: the fix writes the slug clearly meant',
      files: agent + app('code', '"Code_Server"'),
      findings: [{ at: '"Code_Server"', messageId: 'invalidSlug', message: PROVIDER_ERROR('Code_Server'), fixTitle: 'Change to "code-server"' }],
      output: agent + app('code', '"code-server"'),
    },
    {
      name: 'a doubled hyphen, a dot and a trailing hyphen',
      files: agent + app('a', '"my--app"') + app('b', '"docs.site"') + app('c', '"web-"'),
      findings: [
        { at: '"my--app"', messageId: 'invalidSlug', message: PROVIDER_ERROR('my--app'), fixTitle: 'Change to "my-app"' },
        { at: '"docs.site"', messageId: 'invalidSlug', message: PROVIDER_ERROR('docs\\.site'), fixTitle: 'Change to "docs-site"' },
        { at: '"web-"', messageId: 'invalidSlug', message: PROVIDER_ERROR('web-'), fixTitle: 'Change to "web"' },
      ],
      output: agent + app('a', '"my-app"') + app('b', '"docs-site"') + app('c', '"web"'),
    },
  ],
  noFix: [
    {
      name: 'the slug clearly meant is another app\'s: slugs are unique per template, so no fix',
      files: agent + app('code', '"Code_Server"') + app('other', '"code-server"'),
      findings: [{ at: '"Code_Server"', messageId: 'invalidSlug', message: PROVIDER_ERROR('Code_Server') }],
    },
    {
      name: 'nothing of the slug is a letter or digit',
      files: agent + app('code', '"__"'),
      findings: [{ at: '"__"', messageId: 'invalidSlug', message: PROVIDER_ERROR('__') }],
    },
  ],
});
