import { coderPresets } from '../model/coderPresets';
import { textOffsets } from '../model/coderResources';
import { goFields, isGoTimeZone } from '../model/goCron';
import { prebuildCronError, schedulesOverlap } from '../model/prebuildSchedules';
import type { SyntaxNode } from '../model/parser';
import { unwrap } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule } from './types';

export const prebuildSchedule = defineRule({
  meta: {
    id: 'prebuild-schedule',
    defaultSeverity: 'error',
    description:
      'A prebuild `scheduling` block the coder provider refuses: a `cron` that is not five fields with `*` minutes, an unknown time zone, or schedules that overlap.',
    fixable: true,
    messages: {
      unknownTimeZone:
        'Prebuild schedules need a time zone from the IANA database, such as "UTC" or "Europe/Berlin". ' +
        'The coder provider refuses this one when it plans the template: `failed to load timezone {{quoted}}: unknown time zone {{zone}}`.',
      // {{error}} is the cron parser's reason (prebuildCronError), an open-ended set.
      invalidCron:
        'A prebuild schedule is five cron fields (minute, hour, day of month, month, day of week) whose minute is `*`: each one covers whole hours. ' +
        'The coder provider refuses this one when it plans the template: `{{error}}`.',
      // {{reason}} is the simpler reader's complaint (schedulesOverlap), an open-ended set.
      overlapUnreadable:
        'With more than one schedule, the coder provider checks them for overlaps with a simpler reader that takes only numbers, ranges and lists (no names such as `MON`, no steps). ' +
        'It refuses these when it plans the template: `schedules overlap with each other: invalid schedule: {{reason}}`.',
      overlap:
        'This schedule and the one on line {{line}} cover the same hours, so Coder could not tell how many prebuilds to keep then. ' +
        'The coder provider refuses them when it plans the template: `schedules overlap with each other: schedules overlap: {{first}} and {{second}}`.',
    },
    tags: ['prebuilds', 'push-check'],
  },
  check({ module, report }) {
    for (const preset of coderPresets(module)) {
      const scheduling = preset.scheduling;
      if (!scheduling) continue;
      const file = preset.declaration.file;
      const zone = scheduling.timezone;
      if (zone.state === 'known' && !isGoTimeZone(zone.value)) {
        report({
          file,
          range: file.rangeOf(zone.node),
          messageId: 'unknownTimeZone',
          data: { quoted: JSON.stringify(zone.value), zone: zone.value },
        });
      }
      const valid: Array<{ spec: string; node: SyntaxNode }> = [];
      let allKnown = true;
      for (const schedule of scheduling.schedules) {
        const cron = schedule.cron;
        if (cron.state !== 'known') {
          allKnown = false;
          continue;
        }
        const error = prebuildCronError(cron.value);
        if (!error) {
          valid.push({ spec: cron.value, node: cron.node });
          continue;
        }
        allKnown = false;
        const fields = goFields(cron.value);
        const starred = ['*', ...fields.slice(1)].join(' ');
        const node = unwrap(cron.node);
        const fixable = fields.length === 5 && fields[0] !== '*' && !prebuildCronError(starred) && node?.type === 'string_lit';
        report({
          file,
          range: file.rangeOf(cron.node),
          messageId: 'invalidCron',
          data: { error },
          fix: fixable ? new FixBuilder(`Change to ${JSON.stringify(starred)}`).replace(file, ...textOffsets(node), starred).build() : undefined,
        });
      }
      // The provider compares schedules only once each one is valid on its own.
      if (!allKnown) continue;
      for (let j = 1; j < valid.length; j++) {
        for (let i = 0; i < j; i++) {
          const overlap = schedulesOverlap(valid[i].spec, valid[j].spec);
          if (overlap === false) continue;
          const line = file.positionAt(valid[i].node.startIndex).line + 1;
          report({
            file,
            range: file.rangeOf(valid[j].node),
            ...(typeof overlap === 'string'
              ? { messageId: 'overlapUnreadable', data: { reason: overlap } }
              : { messageId: 'overlap', data: { line, first: valid[i].spec, second: valid[j].spec } }),
          });
          break;
        }
      }
    }
  },
});
