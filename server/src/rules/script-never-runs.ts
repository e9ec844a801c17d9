import { argument, ArgumentValue, literalBool, literalString, valueOr } from '../model/coderValues';
import { FixBuilder } from './edits';
import type { TfFile } from '../model/document';
import type { HclBlock } from '../model/syntax';
import { defineRule, Fix } from './types';

export const scriptNeverRuns = defineRule({
  meta: {
    id: 'script-never-runs',
    defaultSeverity: 'error',
    description: 'A `coder_script` with none of `run_on_start`, `run_on_stop` or `cron` fails the first workspace build.',
    fixable: false,
    hasSuggestions: true,
    messages: {
      neverRuns:
        '`{{script}}` never runs: it sets none of `run_on_start`, `run_on_stop` or `cron`. Coder accepts the template, ' +
        'but the first build of every workspace then fails with `at least one of "run_on_start", "run_on_stop", or "cron" must be set`.',
    },
    tags: ['scripts'],
  },
  check({ module, report }) {
    for (const script of module.resources('coder_script')) {
      const block = script.block;
      if (!block?.labelNodes[1]) continue;
      const startArgument = argument(block, 'run_on_start', literalBool);
      const start = valueOr(startArgument, false);
      const stop = valueOr(argument(block, 'run_on_stop', literalBool), false);
      const cron = valueOr(argument(block, 'cron', literalString), '');
      if (start !== false || stop !== false || cron !== '') continue;
      report({
        file: script.file,
        range: script.file.rangeOf(block.labelNodes[1]),
        messageId: 'neverRuns',
        data: { script: script.name },
        suggestions: runOnStart(script.file, block, startArgument),
      });
    }
  },
});

/**
 * `run_on_start = true` where nothing was chosen: added when absent, or in place of a `null` (Terraform's
 * "unset"). A `run_on_start = false` written out is the user's choice (often a script switched off on
 * purpose, or one meant for stop), so starting it is no suggestion to make.
 */
function runOnStart(file: TfFile, block: HclBlock, start: ArgumentValue<boolean>): Fix[] | undefined {
  const fix = new FixBuilder('Run it when the workspace starts');
  if (start.state === 'absent') fix.insertAttribute(file, block, 'run_on_start', 'true');
  else if (start.state === 'null') fix.replaceNode(file, start.node, 'true');
  else return undefined;
  return [fix.build()];
}
