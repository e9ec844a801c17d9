/** Markdown for schema entries, shared by completion (`documentation`) and hover. */
import type { AttributeSchema, EnvVarDoc, KnownMapKey, KnownValue, NestedBlockSchema, Owner, ReleaseChoice, Removal, ResourceSchema, ValueChecks } from '../schema';
import { noteFor, pathDocsUrl, providerInfo, typeDocsUrl, typeLabel } from '../schema';

export function docsLink(url: string | undefined): string[] {
  return url ? [`[Documentation](${url})`] : [];
}

export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/** The project's note and the documentation link for an argument or block of a body. */
export interface EntryInfo {
  note?: string;
  docsUrl?: string;
}

/** Notes and links come from the overlay for provider types, from the entry itself for Terraform's own blocks. */
export function entryInfo(owner: Owner | undefined, entry: AttributeSchema | NestedBlockSchema, isBlock: boolean): EntryInfo {
  if (owner?.schema) {
    const path = [...owner.path, entry.name];
    return { note: noteFor(owner.kind, owner.type, path), docsUrl: pathDocsUrl(owner.schema, path, isBlock) };
  }
  return { note: entry.note, docsUrl: entry.docsUrl };
}

export function attributeStatus(a: AttributeSchema): string {
  if (a.required) return 'required';
  if (a.optional) return 'optional';
  return 'read-only';
}

/** `string · required`, the `detail` of a completion item. */
export function attributeDetail(a: AttributeSchema): string {
  return [typeLabel(a.type), attributeStatus(a), a.sensitive ? 'sensitive' : '', a.deprecated ? 'deprecated' : ''].filter(Boolean).join(' · ');
}

/** The provider's checks in words: allowed values, range, length, pattern, format. */
export function checksMarkdown(checks: ValueChecks | undefined, prefix = ''): string[] {
  if (!checks) return [];
  const out: string[] = [];
  const values = checks.allowed_values?.filter((v) => v !== '');
  if (values?.length) out.push(`${prefix}Allowed values: ${values.map((v) => code(typeof v === 'string' ? `"${v}"` : String(v))).join(', ')}${checks.ignore_case ? ' (any case)' : ''}`);
  if (checks.minimum !== undefined || checks.maximum !== undefined) {
    out.push(`${prefix}Range: ${checks.minimum !== undefined && checks.maximum !== undefined ? `${checks.minimum} to ${checks.maximum}` : checks.minimum !== undefined ? `at least ${checks.minimum}` : `at most ${checks.maximum}`}`);
  }
  if (checks.min_length !== undefined || checks.max_length !== undefined) {
    out.push(`${prefix}Length: ${checks.min_length === 1 && checks.max_length === undefined ? 'not empty' : `${checks.min_length ?? 0} to ${checks.max_length ?? 'any'} characters`}`);
  }
  if (checks.pattern !== undefined) out.push(`${prefix}Must match ${code(checks.pattern)}`);
  if (checks.format) out.push(`${prefix}Format: ${FORMAT_WORDS[checks.format]}`);
  return out;
}

const FORMAT_WORDS: Record<NonNullable<ValueChecks['format']>, string> = {
  'octal-mode': 'an octal file mode starting with 0, up to `"0777"`',
  'int-string': 'a whole number, as a string',
  'int-or-percent': 'a whole number or a percentage (`"25%"`)',
  quantity: 'a Kubernetes quantity (`"500m"`, `"2Gi"`)',
  'quantity-map': 'each value a Kubernetes quantity (`"500m"`, `"2Gi"`) or a whole number',
  'absolute-path': 'an absolute path',
  'relative-path': 'a relative path without `..`',
  'not-blank': 'not empty or blank',
  'port-or-name': 'a port number (1–65535) or a port name',
};

export function attributeMarkdown(a: AttributeSchema, info: EntryInfo, heading = false): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${a.name}** · ${code(typeLabel(a.type))} · ${attributeDetail(a).split(' · ').slice(1).join(' · ')}`);
  if (a.deprecated) parts.push('**Deprecated** by the provider: it still works in this release, and a later one may remove it.');
  if (info.note) parts.push(info.note);
  parts.push(...checksMarkdown(a.checks), ...checksMarkdown(a.elementChecks, 'Each element: '));
  if (a.default !== undefined && a.default !== '') parts.push(`Default: ${code(typeof a.default === 'string' ? `"${a.default}"` : String(a.default))}`);
  if (a.conflictsWith?.length) parts.push(`Cannot be set with: ${a.conflictsWith.map(code).join(', ')}`);
  parts.push(...docsLink(info.docsUrl));
  return parts.join('\n\n');
}

export function blockMarkdown(b: NestedBlockSchema, info: EntryInfo, heading = false): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${b.name}** · block${blockLimits(b)}`);
  if (b.deprecated) parts.push('**Deprecated** by the provider.');
  if (info.note) parts.push(info.note);
  const required = [...b.block.attributes.values()].filter((a) => a.required).map((a) => code(a.name));
  if (required.length) parts.push(`Required: ${required.join(', ')}`);
  parts.push(...docsLink(info.docsUrl));
  return parts.join('\n\n');
}

/** ` · at most one · required`: how many of the block a body takes. */
export function blockLimits(b: NestedBlockSchema): string {
  const out: string[] = [];
  if (b.maxItems === 1) out.push('at most one');
  else if (b.maxItems > 1) out.push(`at most ${b.maxItems}`);
  if (b.minItems > 0) out.push(b.minItems === 1 ? 'required' : `at least ${b.minItems}`);
  return out.map((x) => ` · ${x}`).join('');
}

export function resourceMarkdown(r: ResourceSchema, heading = true): string {
  const parts: string[] = [];
  if (heading) parts.push(`**${r.kind === 'data' ? 'data source' : 'resource'}** ${code(r.name)} · ${code(`${r.release.source} ${r.release.version}`)}`);
  if (r.deprecated) parts.push(`**Deprecated** by the provider.${r.replacedBy ? ` It names ${code(r.replacedBy)} as the replacement.` : ''}`);
  const note = noteFor(r.kind, r.name, []);
  if (note) parts.push(note);
  const required = [...r.block.attributes.values()].filter((a) => a.required).map((a) => code(a.name));
  const blocks = [...r.block.blocks.values()].filter((b) => b.minItems > 0).map((b) => code(`${b.name} { }`));
  if (required.length || blocks.length) parts.push(`Required: ${[...required, ...blocks].join(', ')}`);
  parts.push(...docsLink(typeDocsUrl(r)));
  return parts.join('\n\n');
}

/** An argument, attribute or type a release no longer has: since when, and what to use instead. */
export function removalMarkdown(source: string, removal: Removal): string {
  const since = removal.removed_in ? `in ${code(`${source} ${removal.removed_in}`)}` : removal.last_seen ? `after ${code(`${source} ${removal.last_seen}`)}` : `from ${code(source)}`;
  const instead = removal.replacement ? ` Use ${code(removal.replacement.replace(/^(data\.[a-z_]+)\./, '$1.<name>.'))} instead.` : '';
  return `**Removed** ${since}.${instead}`;
}

/** Which release of a provider's schema this module uses, and why. */
export function releaseMarkdown(choice: ReleaseChoice): string {
  const { release } = choice;
  const name = code(`${release.source} ${release.version}`);
  const info = providerInfo(release.provider);
  const why = choice.admitted
    ? choice.constraint
      ? `the newest bundled release the constraint ${code(choice.constraint)} admits`
      : 'the newest bundled release (no version constraint)'
    : choice.constraint
      ? `no bundled release matches ${code(choice.constraint)}: completion and hover use the nearest one, and schema checks are off for this provider`
      : 'the newest bundled release';
  return [`Schema in use: ${name}, ${why}.`, ...(info ? [info.description] : []), ...docsLink(release.docsUrl)].join('\n\n');
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
