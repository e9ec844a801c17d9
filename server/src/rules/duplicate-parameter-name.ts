import { literalString } from '../model/coderValues';
import { acrossModules, anchorOf, duplicateInstances, TemplateResource } from '../model/coderResources';
import { attribute } from '../model/syntax';
import { defineRule } from './types';
import { repeatOf } from './util/repeats';

/** What every finding ends with: Coder's own words at import. */
const UNIQUE = ' Coder identifies a parameter by its name, so importing the template fails with `coder_parameter names must be unique but {{name}} appears multiple times`.';

export const duplicateParameterName = defineRule({
  meta: {
    id: 'duplicate-parameter-name',
    defaultSeverity: 'error',
    description: 'Two `coder_parameter` with the same `name` in one template (local modules and `count` instances included).',
    fixable: false,
    messages: {
      repeatedInstances: '`{{address}}` has {{instances}} instances named {{name}}.' + UNIQUE,
      alreadyUsed: '`{{first}}` is also named {{name}}.' + UNIQUE,
      alreadyUsedThroughModule: '`{{first}}` (through `{{module}}`) is also named {{name}}.' + UNIQUE,
    },
    tags: ['parameters', 'push-check'],
  },
  check({ module, report }) {
    const parameters = acrossModules(module, 'data', 'coder_parameter');
    const nameOf = (p: TemplateResource) => literalString(attribute(p.block, 'name')?.value);
    for (const { resource, first } of duplicateInstances(parameters, nameOf)) {
      const name = attribute(resource.block, 'name');
      if (!name?.value) continue;
      const anchor = anchorOf(resource, name.value);
      const text = JSON.stringify(nameOf(resource) as string);
      report({ ...anchor, ...repeatOf(resource, first, { name: text }) });
    }
  },
});
