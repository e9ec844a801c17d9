/**
 * What the language server knows of providers and of Terraform's language: the generated provider
 * schemas (loaded per release on first use), the choice of release per module, one position lookup, the
 * project's notes, env var docs and known values. Nothing here reads files or the network at run time
 * beyond the bundled data.
 */
import { envVarDocs } from './envVars';
import { bundledVersions, loadRelease } from './releases';
import type { AttributeSchema, BlockSchema, EnvVarDoc, EnvVarUser, KnownMapKey, KnownValue, ProviderName, Removal, SchemaKind } from './types';
import { valueRules } from './values';

export type * from './types';
export type { ReleaseChoice } from './choose';
export { chooseRelease } from './choose';
export { pathDocsUrl, typeDocsUrl } from './docsLinks';
export { DATA_META, DYNAMIC_BODY, LANGUAGE_BLOCKS, languageBlock, PROVIDER_META, RESOURCE_META } from './language';
export type { LanguageBlockSchema } from './language';
export { childContext, lookup, nestedBlockIn, SchemaSet, topContext } from './lookup';
export type { Frame, Owner, SchemaContext } from './lookup';
export { noteFor } from './notes';
export { PROVIDERS, providerInfo } from './providers';
export { bundledVersions, loadRelease, PROVIDER_NAMES, providerOfType } from './releases';
export { allRegistryModules, registryModuleName, registryModuleOf, registrySource } from './registry';
export type { RegistryInput, RegistryModule } from './registry';

/**
 * What the newest bundled release of a provider no longer has under `prefix` (`data.coder_workspace`):
 * the removed names one level below it, with when and what replaces them.
 */
export function removalsUnder(provider: ProviderName, prefix: string): ReadonlyMap<string, Removal> {
  const out = new Map<string, Removal>();
  for (const r of loadRelease(provider, bundledVersions(provider)[0]!).removals) {
    if (!r.path.startsWith(`${prefix}.`)) continue;
    const rest = r.path.slice(prefix.length + 1);
    if (!rest.includes('.')) out.set(rest, r);
  }
  return out;
}

/**
 * Arguments an author may write in a body: not read-only, not the SDK's implicit `id` of a type. Required
 * ones first, then by name, deprecated ones last.
 */
export function settableAttributes(body: BlockSchema, topLevel = false): AttributeSchema[] {
  const rank = (a: AttributeSchema): number => (a.required ? 0 : a.deprecated ? 2 : 1);
  return [...body.attributes.values()]
    .filter((a) => (a.required || a.optional) && !(topLevel && a.name === 'id' && a.computed))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** `string`, `list(string)`, `map(string)`, `list(object)`: a type as an author reads it. */
export function typeLabel(type: AttributeSchema['type']): string {
  if (typeof type === 'string') return type === 'dynamic' ? 'any' : type;
  if (type[0] === 'object') return 'object';
  if (type[0] === 'tuple') return 'tuple';
  return `${type[0]}(${typeLabel(type[1])})`;
}

const valueKey = (kind: SchemaKind, type: string, path: readonly string[], attribute: string): string => `${kind}:${type}:${path.join('.')}:${attribute}`;
const valuesByKey = new Map<string, KnownValue[]>();
const mapKeysByKey = new Map<string, KnownMapKey[]>();
for (const rule of valueRules) {
  for (const location of rule.where) {
    for (const type of location.types) {
      const key = valueKey(location.kind, type, location.path, rule.attribute);
      if (rule.values) valuesByKey.set(key, [...(valuesByKey.get(key) ?? []), ...rule.values]);
      if (rule.mapKeys) mapKeysByKey.set(key, [...(mapKeysByKey.get(key) ?? []), ...rule.mapKeys]);
    }
  }
}

const envDocsByName = new Map<string, EnvVarDoc[]>();
for (const doc of envVarDocs) envDocsByName.set(doc.name, [...(envDocsByName.get(doc.name) ?? []), doc]);

/**
 * Values to offer for an attribute: the values its provider accepts (described from the value table where
 * it has an entry) followed by the table's suggestions. Empty when nothing is known.
 */
export function knownValues(kind: SchemaKind, type: string, path: readonly string[], attribute: string, schema?: AttributeSchema): KnownValue[] {
  const suggested = valuesByKey.get(valueKey(kind, type, path, attribute)) ?? [];
  const checks = schema ? (typeof schema.type === 'string' ? schema.checks : schema.elementChecks) : undefined;
  // An empty allowed value (e.g. `form_type = ""`, meaning automatic) is valid but not worth offering.
  const allowed = (checks?.allowed_values ?? []).map(String).filter((value) => value !== '');
  const result: KnownValue[] = allowed.map((value) => suggested.find((known) => known.value === value) ?? { value, description: `One of the values the provider accepts for \`${attribute}\`.` });
  for (const known of suggested) if (!result.some((existing) => existing.value === known.value)) result.push(known);
  return result;
}

/** Keys to offer inside a map attribute, e.g. pod annotations or `resources.limits`. */
export function knownMapKeys(kind: SchemaKind, type: string, path: readonly string[], attribute: string): KnownMapKey[] {
  return mapKeysByKey.get(valueKey(kind, type, path, attribute)) ?? [];
}

/**
 * What a container env var does. Some names have several meanings (`CODER_AGENT_TOKEN` for envbox and for a
 * plain workspace container): pass `usedBy` (e.g. `'envbox'` for an envbox container) to pick one; without
 * it the Coder entry is preferred, then Docker, then envbox.
 */
export function envVarDoc(name: string, usedBy?: EnvVarUser): EnvVarDoc | undefined {
  const docs = envDocsByName.get(name);
  if (!docs) return undefined;
  const order: EnvVarUser[] = usedBy ? [usedBy, 'coder', 'docker', 'envbox'] : ['coder', 'docker', 'envbox'];
  for (const user of order) {
    const match = docs.find((doc) => doc.usedBy === user);
    if (match) return match;
  }
  return docs[0];
}

/** Every documented env var (a name may appear once per user). */
export function allEnvVarDocs(): readonly EnvVarDoc[] {
  return envVarDocs;
}
