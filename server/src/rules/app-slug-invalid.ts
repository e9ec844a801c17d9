import { literalString } from '../model/coderValues';
import { acrossModules } from '../model/coderResources';
import { unwrap } from '../model/syntax';
import { attribute } from '../model/syntax';
import { FixBuilder } from './edits';
import { defineRule } from './types';

/** The coder provider's `appSlugRegex` (provider/app.go), which also Coder's import check applies. */
const APP_SLUG = /^[a-z0-9](-?[a-z0-9])*$/;
const APP_SLUG_GO = '^[a-z0-9](-?[a-z0-9])*$';

export const appSlugInvalid = defineRule({
  meta: {
    id: 'app-slug-invalid',
    defaultSeverity: 'error',
    description: "A `coder_app`'s `slug` is part of the app's URL, and the coder provider accepts only lower-case letters and digits joined by single hyphens there.",
    fixable: true,
    messages: {
      invalidSlug:
        "An app's slug becomes part of its URL, so it must be lower-case letters and digits joined by single hyphens: " +
        `\`terraform plan\` stops with \`invalid "coder_app" slug, must be a valid hostname (${JSON.stringify(APP_SLUG_GO)}, cannot contain two consecutive hyphens or start/end with a hyphen): {{slug}}\`.`,
    },
    tags: ['apps', 'push-check'],
  },
  check({ module, report }) {
    const slugs = new Set(acrossModules(module, 'resource', 'coder_app').map((app) => literalString(attribute(app.block, 'slug')?.value)));
    for (const app of module.resources('coder_app')) {
      const value = attribute(app.block, 'slug')?.value;
      const slug = literalString(value);
      if (!value || slug === undefined || APP_SLUG.test(slug)) continue;
      const node = unwrap(value) ?? value;
      const better = slugOf(slug);
      // The slug the fix writes must be valid, and no other app's: slugs are unique per template.
      const fix = better !== undefined && !slugs.has(better) && node.type === 'string_lit' ? new FixBuilder(`Change to "${better}"`).replaceNode(app.file, node, JSON.stringify(better)).build() : undefined;
      report({
        file: app.file,
        range: app.file.rangeOf(node),
        messageId: 'invalidSlug',
        data: { slug: JSON.stringify(slug) },
        fix,
      });
    }
  },
});

/** The slug clearly meant: lower case, with single hyphens for runs of anything else; none when nothing is left. */
function slugOf(text: string): string | undefined {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return APP_SLUG.test(slug) ? slug : undefined;
}
