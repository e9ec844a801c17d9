import { literalString } from '../model/coderValues';
import { acrossModules, anchorOf, duplicateInstances, TemplateResource } from '../model/coderResources';
import { attribute } from '../model/syntax';
import { defineRule } from './types';
import { repeatOf } from './util/repeats';

/** What every finding ends with: Coder's own words at import. */
const UNIQUE =
  ' Slugs must differ across the whole template, even between apps of different agents: importing it fails with `duplicate app slug, they must be unique per template: {{slug}}`.';

export const duplicateAppSlug = defineRule({
  meta: {
    id: 'duplicate-app-slug',
    defaultSeverity: 'error',
    description: 'Two `coder_app` with the same `slug` anywhere in the template (app slugs are unique per template, not per agent).',
    fixable: false,
    messages: {
      repeatedInstances: '`{{address}}` has {{instances}} instances with the same slug {{slug}}.' + UNIQUE,
      alreadyUsed: '`{{first}}` already uses the slug {{slug}}.' + UNIQUE,
      alreadyUsedThroughModule: '`{{first}}` already uses the slug {{slug}} (through `{{module}}`).' + UNIQUE,
    },
    tags: ['apps', 'push-check'],
  },
  check({ module, report }) {
    const apps = acrossModules(module, 'resource', 'coder_app');
    const slugOf = (app: TemplateResource) => literalString(attribute(app.block, 'slug')?.value);
    for (const { resource, first } of duplicateInstances(apps, slugOf)) {
      const slug = attribute(resource.block, 'slug');
      if (!slug?.value) continue;
      const anchor = anchorOf(resource, slug.value);
      const slugText = JSON.stringify(slugOf(resource) as string);
      report({ ...anchor, ...repeatOf(resource, first, { slug: slugText }) });
    }
  },
});
