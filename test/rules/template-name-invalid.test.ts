import { templateNameInvalid } from '../../server/src/rules/template-name-invalid';
import { ruleTable } from '../helpers/ruleTester';

const main = `# Docker in the workspace with Sysbox.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

ruleTable(templateNameInvalid, {
  valid: [
    { name: 'letters, digits and single hyphens', files: main, folder: { name: 'docker-Sysbox2' } },
    { name: '31 characters', files: main, folder: { name: 'a'.repeat(31) } },
    { name: 'an unsaved document has no folder', files: main },
  ],
  invalid: [
    {
      name: 'an underscore: the finding sits on the first statement of main.tf',
      files: { 'agent.tf': main, 'main.tf': `\n${main}` },
      folder: { name: 'my_template' },
      findings: [
        {
          at: 'data "coder_workspace" "me" {}',
          messageId: 'refusedNameWithSuggestion',
          message: /^`coder templates push` without a name names the template after its folder, and Coder refuses "my_template" as a template name \(`must be alphanumeric with hyphens`; .*\)\. Push with a name \(`coder templates push my-template`\), or rename the folder\.$/,
        },
      ],
    },
    {
      name: 'a dot, a reserved word, too long',
      files: main,
      folder: { name: 'docker.v2' },
      findings: [{ at: 'data "coder_workspace" "me" {}', messageId: 'refusedNameWithSuggestion', message: /refuses "docker\.v2".*`coder templates push docker-v2`/ }],
    },
    {
      name: 'reserved',
      files: main,
      folder: { name: 'new' },
      findings: [{ at: 'data "coder_workspace" "me" {}', messageId: 'refusedName', message: /\(`cannot use "new" as a name`;.*Push with a name, or rename the folder\.$/ }],
    },
    {
      name: '32 characters',
      files: main,
      folder: { name: 'a'.repeat(32) },
      findings: [{ at: 'data "coder_workspace" "me" {}', messageId: 'refusedNameWithSuggestion', message: /`Template name must be less than 32 characters`/ }],
    },
  ],
});
