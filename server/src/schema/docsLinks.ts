/**
 * Links into a provider release's registry documentation. tfplugindocs pages give every nested schema an
 * anchor (`#nestedblock--spec--container`), and the registry one per top-level argument (`#image`).
 */
import type { ResourceSchema } from './types';

export function typeDocsUrl(schema: ResourceSchema): string {
  const short = schema.name.slice(schema.name.indexOf('_') + 1);
  return `${schema.release.docsUrl}/${schema.kind === 'resource' ? 'resources' : 'data-sources'}/${short}`;
}

/** The link for an argument (`path` ends with its name) or a nested block (`isBlock`) of a type. */
export function pathDocsUrl(schema: ResourceSchema, path: readonly string[], isBlock: boolean): string {
  const page = typeDocsUrl(schema);
  if (!path.length) return page;
  if (isBlock) return `${page}#nestedblock--${path.join('--')}`;
  if (path.length === 1) return `${page}#${path[0]}`;
  return `${page}#nestedblock--${path.slice(0, -1).join('--')}`;
}
