import { scriptCron } from '../../server/src/rules/script-cron';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;
const script = (cron: string) => `
resource "coder_script" "backup" {
  agent_id     = coder_agent.main.id
  display_name = "Backup"
  script       = "backup.sh"
  cron         = ${cron}
}
`;

ruleTable(scriptCron, {
  valid: [
    { name: 'six fields, seconds first', files: head + script('"0 */5 * * * *"') },
    { name: 'a descriptor', files: head + script('"@hourly"') },
    { name: 'computed', files: head + script('var.schedule') },
    { name: 'empty: no schedule', files: head + script('""') },
  ],
  invalid: [
    {
      name: 'a five-field Unix schedule: a hint, and the seconds field added',
      files: head + script('"*/5 * * * *"'),
      findings: [
        {
          at: '"*/5 * * * *"',
          messageId: 'unixSchedule',
          severity: 'hint',
          message: /^This looks like a five-field Unix schedule, but Coder reads the first field as seconds, .* Add `0 ` in front to keep the Unix meaning: "0 \*\/5 \* \* \* \*"\.$/,
          fixTitle: 'Add a seconds field: `0 `',
        },
      ],
      output: head + script('"0 */5 * * * *"'),
    },
  ],
  noFix: [
    {
      name: 'seven fields',
      files: head + script('"0 0 * * * * *"'),
      findings: [
        {
          at: '"0 0 * * * * *"',
          messageId: 'invalidCron',
          severity: 'error',
          message: /^Coder reads `cron` with six fields .* and refuses this one when it plans the template: `0 0 \* \* \* \* \* is not a valid cron expression: expected 5 to 6 fields, found 7: \[0 0 \* \* \* \* \*\]`\.$/,
        },
      ],
    },
  ],
});
