import { literalString } from '../model/coderValues';
import { acrossModules, addressOf, anchorOf, duplicateInstances, TemplateResource } from '../model/coderResources';
import { attribute } from '../model/syntax';
import type { Rule } from './types';

export const duplicateAppSlug: Rule = {
  meta: {
    id: 'duplicate-app-slug',
    defaultSeverity: 'error',
    description: 'Two `coder_app` with the same `slug` anywhere in the template (app slugs are unique per template, not per agent).',
    fixable: false,
  },
  check({ module, report }) {
    const apps = acrossModules(module, 'resource', 'coder_app');
    const slugOf = (app: TemplateResource) => literalString(attribute(app.block, 'slug')?.value);
    for (const { resource, first } of duplicateInstances(apps, slugOf)) {
      const slug = attribute(resource.block, 'slug');
      if (!slug?.value) continue;
      const anchor = anchorOf(resource, slug.value);
      const text = slugOf(resource) as string;
      const why =
        resource === first
          ? `\`${addressOf(resource)}\` has ${resource.instances} instances with the same slug ${JSON.stringify(text)}.`
          : `\`${addressOf(first)}\` already uses the slug ${JSON.stringify(text)}${first.own ? '' : ` (through \`${first.owner.address}\`)`}.`;
      report({
        ...anchor,
        message: `${why} Slugs must differ across the whole template, even between apps of different agents: importing it fails with \`duplicate app slug, they must be unique per template: ${JSON.stringify(text)}\`.`,
      });
    }
  },
};
