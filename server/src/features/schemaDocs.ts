/** Markdown for schema entries, shared by completion (`documentation`) and hover. */
import type { AttributeSchema, BlockSchema, EnvVarDoc, KnownMapKey, KnownValue, ResourceSchema } from '../schema';
import { providerInfo } from '../schema';

export function docsLink(url: string | undefined): string[] {
  return url ? [`[Documentation](${url})`] : [];
}

export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

export function attributeStatus(a: AttributeSchema): string {
  if (a.removed) return 'removed';
  if (a.required) return 'required';
  if (a.computed) return 'read-only';
  return 'optional';
}

/** `string · required`, the `detail` of a completion item. */
export function attributeDetail(a: AttributeSchema): string {
  return [a.type, attributeStatus(a), a.sensitive ? 'sensitive' : '', a.deprecated ? 'deprecated' : ''].filter(Boolean).join(' · ');
}

export function attributeMarkdown(a: AttributeSchema, heading = false): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${a.name}** · ${code(a.type)} · ${attributeDetail(a).split(' · ').slice(1).join(' · ')}`);
  if (a.removed) parts.push(`**Removed.** ${a.removed}`);
  if (a.deprecated) parts.push(`**Deprecated.** ${a.deprecated}`);
  parts.push(a.description);
  if (a.allowedValues?.length) parts.push(`Allowed values: ${a.allowedValues.filter((v) => v !== '').map((v) => code(`"${v}"`)).join(', ')}`);
  if (a.default !== undefined) parts.push(`Default: ${code(a.default)}`);
  parts.push(...docsLink(a.docsUrl));
  return parts.join('\n\n');
}

export function blockMarkdown(b: BlockSchema, heading = false): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${b.name}** · block${b.maxItems === 1 ? ' (at most one)' : ''}${b.minItems ? ' · required' : ''}`);
  parts.push(b.description);
  const required = b.attributes.filter((a) => a.required).map((a) => code(a.name));
  if (required.length) parts.push(`Required: ${required.join(', ')}`);
  parts.push(...docsLink(b.docsUrl));
  return parts.join('\n\n');
}

export function resourceMarkdown(r: ResourceSchema, heading = true): string {
  const provider = providerInfo(r.provider);
  const parts: string[] = [];
  if (heading) parts.push(`**${r.kind === 'data' ? 'data source' : 'resource'}** ${code(r.name)} · ${provider ? code(provider.source) : r.provider}`);
  if (r.deprecated) parts.push(`**Deprecated.** ${r.deprecated}${r.replacedBy && !r.deprecated.includes(r.replacedBy) ? ` Use ${code(r.replacedBy)}.` : ''}`);
  parts.push(r.description);
  const required = r.attributes.filter((a) => a.required).map((a) => code(a.name));
  if (required.length) parts.push(`Required: ${required.join(', ')}`);
  parts.push(...docsLink(r.docsUrl));
  return parts.join('\n\n');
}

export function valueMarkdown(v: KnownValue, methodTitle?: (id: string) => string): string {
  const parts = [v.description];
  if (v.methods?.length && methodTitle) parts.push(`Used by: ${v.methods.map(methodTitle).join(', ')}`);
  parts.push(...docsLink(v.docsUrl));
  return parts.join('\n\n');
}

export function mapKeyMarkdown(k: KnownMapKey): string {
  return [k.description, ...(k.value ? [`Usual value: ${code(k.value)}`] : []), ...docsLink(k.docsUrl)].join('\n\n');
}

const ENV_USERS: Record<EnvVarDoc['usedBy'], string> = {
  envbox: 'envbox (outer container)',
  docker: 'Docker',
  coder: 'Coder agent',
};

export function envMarkdown(doc: EnvVarDoc, heading = false): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${doc.name}** · read by ${ENV_USERS[doc.usedBy]}${doc.required ? ' · required' : ''}`);
  parts.push(doc.description);
  if (doc.default !== undefined) parts.push(`Default: ${code(doc.default)}`);
  parts.push(...docsLink(doc.docsUrl));
  return parts.join('\n\n');
}
