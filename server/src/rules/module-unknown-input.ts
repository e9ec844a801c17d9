import { nearestName } from '../model/names';
import { moduleCalls } from '../model/moduleCalls';
import { FixBuilder } from './edits';
import type { Rule } from './types';

export const moduleUnknownInput: Rule = {
  meta: {
    id: 'module-unknown-input',
    defaultSeverity: 'error',
    description: 'A call of a Coder registry module or a local module sets an input the module does not have.',
    fixable: true,
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      const target = call.target;
      if (!target || !call.current || call.block.node.hasError) continue;
      const known = [...target.inputs.keys()];
      for (const input of call.inputs) {
        if (target.inputs.has(input.name)) continue;
        const near = nearestName(input.name, known.filter((n) => !call.inputs.some((a) => a.name === n)));
        report({
          file: call.file,
          range: call.file.rangeOf(input.nameNode),
          message:
            `${target.kind === 'local' ? `The local module \`${target.name}\`` : `The module \`${target.name}\` (${call.registry?.versions[0] ? `latest ${call.registry.versions[0]}` : 'unreleased'})`} has no input \`${input.name}\`: ` +
            `\`terraform plan\` stops with "Unsupported argument".${near ? ` Did you mean \`${near}\`?` : ''}`,
          fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(call.file, input.nameNode, near).build() : undefined,
        });
      }
    }
  },
};
