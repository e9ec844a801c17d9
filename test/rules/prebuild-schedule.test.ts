import { prebuildSchedule } from '../../server/src/rules/prebuild-schedule';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}
`;
const preset = (timezone: string, ...crons: string[]) => `
data "coder_workspace_preset" "office" {
  name = "Office"
  prebuilds {
    instances = 1
    scheduling {
      timezone = ${timezone}
${crons.map((c) => `      schedule {\n        cron      = ${c}\n        instances = 3\n      }\n`).join('')}    }
  }
}
`;

ruleTable(prebuildSchedule, {
  valid: [
    {
      name: 'office hours and a weekend that do not overlap',
      files: head + preset('"Europe/Berlin"', '"* 8-18 * * 1-5"', '"* 8-18 * * 0,6"'),
    },
    {
      name: 'one schedule may use names (the overlap check only runs on two or more)',
      files: head + preset('"UTC"', '"* 8-18 * * MON-FRI"'),
    },
    {
      name: 'computed time zone and cron',
      files: head + preset('var.timezone', 'var.cron', '"* 8-18 * * 1-5"'),
    },
  ],
  invalid: [
    {
      name: 'minutes must be *: fixed',
      files: head + preset('"UTC"', '"0 9 * * 1-5"'),
      findings: [
        {
          at: '"0 9 * * 1-5"',
          messageId: 'invalidCron',
          message: /^A prebuild schedule is five cron fields .* whose minute is `\*`: each one covers whole hours\. The coder provider refuses this one when it plans the template: `cron spec failed validation: minute field should be \*`\.$/,
          fixTitle: 'Change to "* 9 * * 1-5"',
        },
      ],
      output: head + preset('"UTC"', '"* 9 * * 1-5"'),
    },
  ],
  noFix: [
    {
      name: 'six fields, a bad hour, an unknown zone: no fix',
      files: head + preset('"Europe/Atlantis"', '"0 * 9 * * 1-5"', '"* 25 * * *"'),
      findings: [
        { at: '"Europe/Atlantis"', messageId: 'unknownTimeZone', message: /`failed to load timezone "Europe\/Atlantis": unknown time zone Europe\/Atlantis`/ },
        { at: '"0 * 9 * * 1-5"', messageId: 'invalidCron', message: /`cron spec failed validation: cron specification should consist of 5 fields`/ },
        { at: '"* 25 * * *"', messageId: 'invalidCron', message: /`failed to parse cron spec: end of range \(25\) above maximum \(23\): 25`/ },
      ],
    },
    {
      name: 'overlapping schedules, and names the overlap check cannot read',
      files: head + preset('"UTC"', '"* 8-12 * * 1-5"', '"* 12-18 * * 1-5"') + preset('"UTC"', '"* 8-18 * * MON-FRI"', '"* 8-18 * * 0,6"').replace(/office/g, 'weekend').replace('"Office"', '"Weekend"'),
      findings: [
        {
          at: '"* 12-18 * * 1-5"',
          messageId: 'overlap',
          message: /^This schedule and the one on line 10 cover the same hours, .*`schedules overlap with each other: schedules overlap: \* 8-12 \* \* 1-5 and \* 12-18 \* \* 1-5`\.$/,
        },
        { at: '"* 8-18 * * 0,6"', messageId: 'overlapUnreadable', message: /`schedules overlap with each other: invalid schedule: invalid day range: invalid start value in range: strconv\.Atoi: parsing "MON": invalid syntax`/ },
      ],
    },
  ],
});
