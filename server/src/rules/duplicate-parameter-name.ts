import { literalString } from '../model/coderValues';
import { acrossModules, addressOf, anchorOf, duplicateInstances, TemplateResource } from '../model/coderResources';
import { attribute } from '../model/syntax';
import type { Rule } from './types';

export const duplicateParameterName: Rule = {
  meta: {
    id: 'duplicate-parameter-name',
    defaultSeverity: 'error',
    description: 'Two `coder_parameter` with the same `name` in one template (local modules and `count` instances included).',
    fixable: false,
  },
  check({ module, report }) {
    const parameters = acrossModules(module, 'data', 'coder_parameter');
    const nameOf = (p: TemplateResource) => literalString(attribute(p.block, 'name')?.value);
    for (const { resource, first } of duplicateInstances(parameters, nameOf)) {
      const name = attribute(resource.block, 'name');
      if (!name?.value) continue;
      const anchor = anchorOf(resource, name.value);
      const text = nameOf(resource) as string;
      report({
        ...anchor,
        message:
          (resource === first
            ? `\`${addressOf(resource)}\` has ${resource.instances} instances named ${JSON.stringify(text)}.`
            : `\`${addressOf(first)}\`${first.own ? '' : ` (through \`${first.owner.address}\`)`} is also named ${JSON.stringify(text)}.`) +
          ` Coder identifies a parameter by its name, so importing the template fails with \`coder_parameter names must be unique but ${JSON.stringify(text)} appears multiple times\`.`,
      });
    }
  },
};
