/**
 * In-memory lookups over the provider schemas, env var docs and known values. Every index is built once
 * when the module loads; lookups never touch files or the network.
 */
import { coderSchemas } from './coder';
import { dockerSchemas } from './docker';
import { envVarDocs } from './envVars';
import { kubernetesSchemas } from './kubernetes';
import { metaArguments, providers } from './meta';
import type { AttributeSchema, BlockSchema, EnvVarDoc, EnvVarUser, KnownMapKey, KnownValue, ProviderInfo, ProviderName, ResourceSchema, SchemaKind } from './types';
import { valueRules } from './values';

export type * from './types';
export { REMOVED_WORKSPACE_OWNER_ATTRIBUTES } from './coder';
export { metaArguments } from './meta';

export const allSchemas: readonly ResourceSchema[] = [...coderSchemas, ...dockerSchemas, ...kubernetesSchemas];

interface BlockIndex {
  attributes: ReadonlyMap<string, AttributeSchema>;
  blocks: ReadonlyMap<string, BlockSchema>;
}

const blockIndexes = new Map<BlockSchema, BlockIndex>();

function indexBlock(target: BlockSchema): void {
  if (blockIndexes.has(target)) return;
  blockIndexes.set(target, {
    attributes: new Map(target.attributes.map((attribute) => [attribute.name, attribute])),
    blocks: new Map(target.blocks.map((nested) => [nested.name, nested])),
  });
  for (const nested of target.blocks) indexBlock(nested);
}

const schemaKey = (kind: SchemaKind, type: string): string => `${kind}:${type}`;
const resourcesByKey = new Map<string, ResourceSchema>();
const sortedByKind: Record<SchemaKind, ResourceSchema[]> = { resource: [], data: [] };
for (const schema of allSchemas) {
  resourcesByKey.set(schemaKey(schema.kind, schema.name), schema);
  sortedByKind[schema.kind].push(schema);
  indexBlock(schema);
}
indexBlock(metaArguments);
for (const list of Object.values(sortedByKind)) list.sort((a, b) => a.name.localeCompare(b.name));
const typeNamesByKind: Record<SchemaKind, readonly string[]> = {
  resource: sortedByKind.resource.map((schema) => schema.name),
  data: sortedByKind.data.map((schema) => schema.name),
};

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

/** The schema of a resource or data source type, e.g. `resourceSchema('data', 'coder_workspace')`. */
export function resourceSchema(kind: SchemaKind, type: string): ResourceSchema | undefined {
  return resourcesByKey.get(schemaKey(kind, type));
}

/** Every known type of the kind, sorted by name. */
export function allResourceTypes(kind: SchemaKind): readonly string[] {
  return typeNamesByKind[kind];
}

/** Every known schema of the kind, sorted by name (for completion lists with descriptions). */
export function allResourceSchemas(kind: SchemaKind): readonly ResourceSchema[] {
  return sortedByKind[kind];
}

/** The nested block `name` of `parent`, if it has one. */
export function childBlock(parent: BlockSchema, name: string): BlockSchema | undefined {
  return blockIndexes.get(parent)?.blocks.get(name);
}

/** The attribute `name` of `parent`, if it has one. */
export function blockAttribute(parent: BlockSchema, name: string): AttributeSchema | undefined {
  return blockIndexes.get(parent)?.attributes.get(name);
}

/**
 * The block reached by following `path` (nested block names) from the resource body; `[]` is the body.
 * E.g. `blockSchemaAt('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'spec', 'container'])`.
 * For `dynamic "env" { content { … } }` pass the dynamic block's label (`env`); a `content` segment that
 * follows is skipped.
 */
export function blockSchemaAt(kind: SchemaKind, type: string, path: readonly string[]): BlockSchema | undefined {
  let current: BlockSchema | undefined = resourceSchema(kind, type);
  for (const segment of path) {
    if (!current) return undefined;
    const next: BlockSchema | undefined = childBlock(current, segment);
    if (!next && segment === 'content') continue;
    current = next;
  }
  return current;
}

/** The attribute `attribute` of the block at `path`. */
export function attributeSchema(kind: SchemaKind, type: string, path: readonly string[], attribute: string): AttributeSchema | undefined {
  const target = blockSchemaAt(kind, type, path);
  return target ? blockAttribute(target, attribute) : undefined;
}

/**
 * Attributes an author may write in `target`: not read-only, not removed. Required ones come first, then
 * by name, with deprecated ones last.
 */
export function settableAttributes(target: BlockSchema): AttributeSchema[] {
  const rank = (attribute: AttributeSchema): number => (attribute.required ? 0 : attribute.deprecated ? 2 : 1);
  return target.attributes
    .filter((attribute) => !attribute.computed && !attribute.removed)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Attributes a reference such as `coder_agent.main.<attr>` may name: everything at the top level except removed ones. */
export function referenceableAttributes(kind: SchemaKind, type: string): AttributeSchema[] {
  const schema = resourceSchema(kind, type);
  return schema ? schema.attributes.filter((attribute) => !attribute.removed) : [];
}

/**
 * Values to offer for an attribute: its allowed values (described from the value table where it has an
 * entry) followed by suggestions from the value table. Empty when nothing is known.
 */
export function knownValues(kind: SchemaKind, type: string, path: readonly string[], attribute: string): KnownValue[] {
  const suggested = valuesByKey.get(valueKey(kind, type, path, attribute)) ?? [];
  // An empty allowed value (e.g. `form_type = ""`, meaning automatic) is valid but not worth offering.
  const allowed = (attributeSchema(kind, type, path, attribute)?.allowedValues ?? []).filter((value) => value !== '');
  const result: KnownValue[] = allowed.map(
    (value) => suggested.find((known) => known.value === value) ?? { value, description: `One of the values the provider accepts for \`${attribute}\`.` },
  );
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

export function providerInfo(name: ProviderName): ProviderInfo | undefined {
  return providers.find((provider) => provider.name === name);
}

export function allProviders(): readonly ProviderInfo[] {
  return providers;
}
