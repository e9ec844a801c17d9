import { argument, literalBool, literalString, valueOr } from '../model/coderValues';
import { FixBuilder } from './edits';
import type { Rule } from './types';

export const scriptNeverRuns: Rule = {
  meta: {
    id: 'script-never-runs',
    defaultSeverity: 'error',
    description: 'A `coder_script` with none of `run_on_start`, `run_on_stop` or `cron` fails the first workspace build.',
    fixable: false,
    hasSuggestions: true,
  },
  check({ module, report }) {
    for (const script of module.resources('coder_script')) {
      const block = script.block;
      if (!block?.labelNodes[1]) continue;
      const start = valueOr(argument(block, 'run_on_start', literalBool), false);
      const stop = valueOr(argument(block, 'run_on_stop', literalBool), false);
      const cron = valueOr(argument(block, 'cron', literalString), '');
      if (start !== false || stop !== false || cron !== '') continue;
      report({
        file: script.file,
        range: script.file.rangeOf(block.labelNodes[1]),
        message:
          `\`${script.name}\` never runs: it sets none of \`run_on_start\`, \`run_on_stop\` or \`cron\`. Coder accepts the template, ` +
          'but the first build of every workspace then fails with `at least one of "run_on_start", "run_on_stop", or "cron" must be set`.',
        suggestions: [new FixBuilder('Run it when the workspace starts').insertAttribute(script.file, block, 'run_on_start', 'true').build()],
      });
    }
  },
};
