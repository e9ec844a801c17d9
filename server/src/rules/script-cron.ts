import { literalString } from '../model/coderValues';
import { textOffsets } from '../model/coderResources';
import { cronError, goFields, SCRIPT_CRON, UNIX_CRON } from '../model/goCron';
import { attribute, unwrap } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule } from './types';

export const scriptCron = defineRule({
  meta: {
    id: 'script-cron',
    defaultSeverity: 'error',
    description: "`coder_script.cron` in a form Coder's six-field parser (seconds first) refuses, or a five-field Unix schedule it reads differently.",
    fixable: true,
    messages: {
      // {{error}} is the cron parser's reason (cronError), an open-ended set.
      invalidCron:
        'Coder reads `cron` with six fields (seconds, minutes, hours, day of month, month, day of week; the last may be left out) and refuses this one when it plans the template: `{{spec}} is not a valid cron expression: {{error}}`.',
      unixSchedule:
        'This looks like a five-field Unix schedule, but Coder reads the first field as seconds, so every field moves one place ' +
        '(the minutes become seconds, the hours minutes, and so on) and the script runs at other times than a Unix cron would. ' +
        'The coder provider warns about it when it plans the template. Add `0 ` in front to keep the Unix meaning: {{withSeconds}}.',
    },
    tags: ['scripts', 'push-check'],
  },
  check({ module, report }) {
    for (const script of module.resources('coder_script')) {
      const cron = attribute(script.block, 'cron');
      const spec = literalString(cron?.value);
      if (!cron?.value || spec === undefined || spec === '') continue;
      const range = script.file.rangeOf(cron.value);
      const error = cronError(spec, SCRIPT_CRON);
      if (error) {
        report({
          file: script.file,
          range,
          messageId: 'invalidCron',
          data: { spec, error },
        });
        continue;
      }
      if (goFields(spec).length !== 5 || cronError(spec, UNIX_CRON)) continue;
      const node = unwrap(cron.value);
      report({
        file: script.file,
        range,
        severity: 'hint',
        messageId: 'unixSchedule',
        data: { withSeconds: JSON.stringify(`0 ${spec}`) },
        fix: node?.type === 'string_lit' ? new FixBuilder('Add a seconds field: `0 `').replace(script.file, textOffsets(node)[0], textOffsets(node)[0], '0 ').build() : undefined,
      });
    }
  },
});
