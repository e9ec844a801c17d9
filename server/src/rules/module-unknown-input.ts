import { nearestName } from '../model/names';
import { moduleCalls } from '../model/moduleCalls';
import { FixBuilder } from './edits';
import { defineRule } from './types';

// `{{hint}}` is empty or " Did you mean `<input>`?", the nearest of the module's inputs.
const UNSUPPORTED = 'has no input `{{input}}`: `terraform plan` stops with "Unsupported argument".{{hint}}';

export const moduleUnknownInput = defineRule({
  meta: {
    id: 'module-unknown-input',
    defaultSeverity: 'error',
    description: 'A call of a Coder registry module or a local module sets an input the module does not have.',
    fixable: true,
    messages: {
      localModule: `The local module \`{{module}}\` ${UNSUPPORTED}`,
      registryModule: `The module \`{{module}}\` (latest {{latest}}) ${UNSUPPORTED}`,
      unreleasedModule: `The module \`{{module}}\` (unreleased) ${UNSUPPORTED}`,
    },
    tags: ['modules', 'push-check'],
  },
  check({ module, report }) {
    for (const call of moduleCalls(module)) {
      const target = call.target;
      if (!target || !call.current || call.block.node.hasError) continue;
      const known = [...target.inputs.keys()];
      for (const input of call.inputs) {
        if (target.inputs.has(input.name)) continue;
        const near = nearestName(input.name, known.filter((n) => !call.inputs.some((a) => a.name === n)));
        const data = { module: target.name, input: input.name, hint: near ? ` Did you mean \`${near}\`?` : '' };
        const latest = call.registry?.versions[0];
        report({
          file: call.file,
          range: call.file.rangeOf(input.nameNode),
          ...(target.kind === 'local'
            ? { messageId: 'localModule', data }
            : latest
              ? { messageId: 'registryModule', data: { ...data, latest } }
              : { messageId: 'unreleasedModule', data }),
          fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(call.file, input.nameNode, near).build() : undefined,
        });
      }
    }
  },
});
