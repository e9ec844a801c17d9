import { moduleCalls } from '../model/moduleCalls';
import { headerRange } from '../model/schemaWalk';
import { FixBuilder } from './edits';
import type { Rule } from './types';
import { inputPlaceholder } from './util/modules';

export const moduleMissingRequiredInput: Rule = {
  meta: {
    id: 'module-missing-required-input',
    defaultSeverity: 'error',
    description: 'A Coder registry module call lacks an input the module requires (one without a default).',
    fixable: true,
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      if (!call.registry || !call.current || call.block.node.hasError) continue;
      const missing = Object.entries(call.registry.inputs)
        .filter(([name, input]) => input.required && !call.inputs.some((a) => a.name === name))
        .map(([name]) => name);
      if (!missing.length) continue;
      const names = missing.map((n) => `\`${n}\``).join(', ');
      report({
        file: call.file,
        range: headerRange(call.file, call.block),
        message:
          `The module \`${call.registry.name}\` requires ${missing.length === 1 ? 'the input' : 'the inputs'} ${names}, which this call does not set: ` +
          `\`terraform plan\` stops with "Missing required argument". The fix adds ${missing.length === 1 ? 'it' : 'them'} with a placeholder value to replace.`,
        fix: new FixBuilder(missing.length === 1 ? `Add \`${missing[0]}\`` : `Add ${names}`)
          .insertAttributes(call.file, call.block, missing.map((name): [string, string] => [name, inputPlaceholder(module, name, call.registry!.inputs[name]!)]))
          .build(),
      });
    }
  },
};
