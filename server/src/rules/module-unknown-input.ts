import { nearestName } from '../model/names';
import { moduleCalls } from '../model/moduleCalls';
import { FixBuilder } from './edits';
import type { Rule } from './types';

export const moduleUnknownInput: Rule = {
  meta: {
    id: 'module-unknown-input',
    defaultSeverity: 'error',
    description: 'A Coder registry module call sets an input the module does not have.',
    fixable: true,
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      if (!call.registry || !call.current || call.block.node.hasError) continue;
      const known = Object.keys(call.registry.inputs);
      for (const input of call.inputs) {
        if (input.name in call.registry.inputs) continue;
        const near = nearestName(input.name, known.filter((n) => !call.inputs.some((a) => a.name === n)));
        report({
          file: call.file,
          range: call.file.rangeOf(input.nameNode),
          message:
            `The module \`${call.registry.name}\` (${call.registry.versions[0] ? `latest ${call.registry.versions[0]}` : 'unreleased'}) has no input \`${input.name}\`: ` +
            `\`terraform plan\` stops with "Unsupported argument".${near ? ` Did you mean \`${near}\`?` : ''}`,
          fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(call.file, input.nameNode, near).build() : undefined,
        });
      }
    }
  },
};
