import { scriptNeverRuns } from '../../server/src/rules/script-never-runs';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;
const script = (extra: string) => `
resource "coder_script" "setup" {
  agent_id     = coder_agent.main.id
  display_name = "Setup"
  script       = "setup.sh"
${extra}}
`;

ruleTable(scriptNeverRuns, {
  valid: [
    { name: 'at start', files: head + script('  run_on_start = true\n') },
    { name: 'at stop', files: head + script('  run_on_stop = "true"\n') },
    { name: 'on a schedule', files: head + script('  cron = "0 0 * * * *"\n') },
    { name: 'computed', files: head + script('  run_on_start = var.setup\n') },
  ],
  invalid: [
    {
      name: 'none of the three',
      files: head + script(''),
      findings: [
        {
          at: '"setup"',
          messageId: 'neverRuns',
          message: /^`coder_script\.setup` never runs: it sets none of `run_on_start`, `run_on_stop` or `cron`\. Coder accepts the template, but the first build of every workspace then fails with `at least one of "run_on_start", "run_on_stop", or "cron" must be set`\.$/,
          suggestions: ['Run it when the workspace starts'],
        },
      ],
    },
    {
      name: 'run_on_start = null is unset: the suggestion writes true in its place',
      files: head + script('  run_on_start = null\n  cron         = ""\n'),
      findings: [{ at: '"setup"', messageId: 'neverRuns', suggestions: ['Run it when the workspace starts'] }],
    },
  ],
  noFix: [
    {
      name: 'run_on_start = false written out is the user\'s choice (a script switched off, or meant for stop): no suggestion',
      files: head + script('  run_on_start = false\n'),
      findings: [{ at: '"setup"', messageId: 'neverRuns' }],
    },
    {
      name: 'all three written out as off: no suggestion either',
      files: head + script('  run_on_start = "false"\n  run_on_stop  = false\n  cron         = ""\n'),
      findings: [{ at: '"setup"', messageId: 'neverRuns' }],
    },
  ],
});
