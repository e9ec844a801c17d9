/**
 * The bundled provider releases. Each generated file is read into maps the first time something asks for
 * that release, so a template that uses only coder and docker never holds the Kubernetes schemas. Blocks
 * the file shares (`$ref`) stay shared in memory.
 */
import type { BlockRef, NestedBlock, ProviderSchemaFile, SchemaAttribute, SchemaBlock, TypeSchema } from './format';
import { PROVIDERS } from './providers';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, ProviderName, ProviderRelease, ResourceSchema, SchemaKind } from './types';

/** Every bundled release, newest first per provider. The files come from `npm run schemas`. */
const BUNDLED: Record<ProviderName, Array<{ version: string; read: () => ProviderSchemaFile }>> = {
  coder: [{ version: '2.17.0', read: () => require('./data/coder-2.17.0.json') as ProviderSchemaFile }],
  docker: [
    { version: '4.5.0', read: () => require('./data/docker-4.5.0.json') as ProviderSchemaFile },
    { version: '3.9.0', read: () => require('./data/docker-3.9.0.json') as ProviderSchemaFile },
  ],
  kubernetes: [{ version: '3.2.1', read: () => require('./data/kubernetes-3.2.1.json') as ProviderSchemaFile }],
};

/** The providers whose schemas are bundled (the same list as providers.ts, which describes them). */
export const PROVIDER_NAMES: readonly ProviderName[] = PROVIDERS.map((p) => p.name);

const loaded = new Map<string, ProviderRelease>();

/** The bundled versions of a provider, newest first. */
export function bundledVersions(provider: ProviderName): readonly string[] {
  return BUNDLED[provider].map((r) => r.version);
}

export function loadRelease(provider: ProviderName, version: string): ProviderRelease {
  const key = `${provider}@${version}`;
  let release = loaded.get(key);
  if (!release) {
    const entry = BUNDLED[provider].find((r) => r.version === version);
    if (!entry) throw new Error(`no bundled schema for ${key}`);
    release = fromFile(provider, entry.read());
    loaded.set(key, release);
  }
  return release;
}

/** The provider a resource or data source type belongs to, by its prefix. */
export function providerOfType(type: string): ProviderName | undefined {
  const prefix = type.slice(0, type.indexOf('_'));
  return (PROVIDER_NAMES as readonly string[]).includes(prefix) ? (prefix as ProviderName) : undefined;
}

function fromFile(provider: ProviderName, file: ProviderSchemaFile): ProviderRelease {
  const shared = new Map<string, BlockSchema>();
  const block = (ref: BlockRef): BlockSchema => {
    if ('$ref' in ref) {
      let b = shared.get(ref.$ref as string);
      if (!b) {
        const source = file.blocks[ref.$ref as string];
        if (!source) throw new Error(`${provider} ${file.provider.version}: no shared block ${ref.$ref}`);
        b = toBlock(source, block);
        shared.set(ref.$ref as string, b);
      }
      return b;
    }
    return toBlock(ref as SchemaBlock, block);
  };
  const resources = new Map<string, ResourceSchema>();
  const dataSources = new Map<string, ResourceSchema>();
  const release: ProviderRelease = {
    provider,
    version: file.provider.version,
    source: file.provider.source,
    docsUrl: file.provider.docs,
    resources,
    dataSources,
    providerConfig: block(file.provider_config),
    removals: file.removals ?? [],
  };
  const add = (into: Map<string, ResourceSchema>, kind: SchemaKind, types: Record<string, TypeSchema>) => {
    for (const [name, t] of Object.entries(types)) {
      into.set(name, {
        kind,
        name,
        release,
        block: block(t.block),
        deprecated: t.deprecated === true,
        replacedBy: t.replaced_by,
        unchecked: t.unchecked === true,
      });
    }
  };
  add(resources, 'resource', file.resource_schemas);
  add(dataSources, 'data', file.data_source_schemas);
  return release;
}

function toBlock(source: SchemaBlock, block: (ref: BlockRef) => BlockSchema): BlockSchema {
  const attributes = new Map<string, AttributeSchema>();
  for (const [name, a] of Object.entries(source.attributes ?? {})) attributes.set(name, toAttribute(name, a));
  const blocks = new Map<string, NestedBlockSchema>();
  for (const [name, b] of Object.entries(source.block_types ?? {})) blocks.set(name, toNested(name, b, block));
  return { attributes, blocks };
}

function toAttribute(name: string, a: SchemaAttribute): AttributeSchema {
  const { type, required, optional, computed, sensitive, deprecated, default: def, conflicts_with, elements, write_only: _writeOnly, ...checks } = a;
  return {
    name,
    type,
    required: required === true,
    optional: optional === true,
    computed: computed === true,
    sensitive: sensitive === true,
    deprecated: deprecated === true,
    checks: Object.keys(checks).length ? checks : undefined,
    elementChecks: elements,
    default: def,
    conflictsWith: conflicts_with,
  };
}

function toNested(name: string, b: NestedBlock, block: (ref: BlockRef) => BlockSchema): NestedBlockSchema {
  return {
    name,
    nesting: b.nesting_mode,
    minItems: b.min_items ?? 0,
    maxItems: b.max_items ?? 0,
    deprecated: b.deprecated === true,
    block: block(b.block),
  };
}
