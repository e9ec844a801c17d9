import { moduleCalls } from '../model/moduleCalls';
import { headerRange } from '../model/schemaWalk';
import { FixBuilder } from './edits';
import { defineRule } from './types';
import { inputPlaceholder, placeholdersOnlySuggested, settledValue } from './util/modules';

const UNSET = 'which this call does not set: `terraform plan` stops with "Missing required argument".';

export const moduleMissingRequiredInput = defineRule({
  meta: {
    id: 'module-missing-required-input',
    defaultSeverity: 'error',
    description: 'A call of a Coder registry module or a local module lacks an input the module requires (one without a default).',
    fixable: true,
    hasSuggestions: true,
    // `{{names}}` is the list of inputs, each in backticks.
    messages: {
      missingInput: `The module \`{{module}}\` requires the input \`{{name}}\`, ${UNSET}`,
      missingInputs: `The module \`{{module}}\` requires the inputs {{names}}, ${UNSET}`,
      localMissingInput: `The local module \`{{module}}\` requires the input \`{{name}}\`, ${UNSET}`,
      localMissingInputs: `The local module \`{{module}}\` requires the inputs {{names}}, ${UNSET}`,
    },
    tags: ['modules', 'push-check'],
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      const target = call.target;
      if (!target || !call.current || call.block.node.hasError) continue;
      const missing = [...target.inputs]
        .filter(([name, input]) => input.required && !call.inputs.some((a) => a.name === name))
        .map(([name]) => name)
        .sort();
      if (!missing.length) continue;
      const names = missing.map((n) => `\`${n}\``).join(', ');
      report({
        file: call.file,
        range: headerRange(call.file, call.block),
        ...(missing.length === 1
          ? { messageId: target.kind === 'local' ? 'localMissingInput' : 'missingInput', data: { module: target.name, name: missing[0]! } }
          : { messageId: target.kind === 'local' ? 'localMissingInputs' : 'missingInputs', data: { module: target.name, names } }),
        ...placeholdersOnlySuggested(
          new FixBuilder(missing.length === 1 ? `Add \`${missing[0]}\`` : `Add ${names}`)
            .insertAttributes(call.file, call.block, missing.map((name): [string, string] => [name, inputPlaceholder(module, name, target.inputs.get(name)!)]))
            .build(),
          missing.every((name) => settledValue(module, name)),
        ),
      });
    }
  },
});
