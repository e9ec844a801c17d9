/** Typed shapes of the provider schemas, env var docs and known values. Data lives in the sibling modules. */

export type ValueType =
  | 'string'
  | 'number'
  | 'bool'
  | 'list(string)'
  | 'set(string)'
  | 'map(string)'
  | 'list'
  | 'map'
  | 'any';

export type ProviderName = 'coder' | 'docker' | 'kubernetes';

export type SchemaKind = 'resource' | 'data';

/** One attribute (`name = value`) of a block. */
export interface AttributeSchema {
  name: string;
  type: ValueType;
  /** Short description in our own words, written for a template author. */
  description: string;
  required?: boolean;
  optional?: boolean;
  /** Read-only: set by the provider, never by the author. */
  computed?: boolean;
  sensitive?: boolean;
  /** Deprecation message: the attribute still works but should not be used. */
  deprecated?: string;
  /** Removal message: the attribute no longer exists; says since when and what replaces it. */
  removed?: string;
  /** For a removed attribute whose value moved elsewhere: the replacement as `<type>.<attribute>`. */
  replacedBy?: string;
  /** The complete set of values the provider accepts, when it validates against one. */
  allowedValues?: readonly string[];
  /** The provider's default, as HCL text (`"non-blocking"`, `true`, `120`). */
  default?: string;
  docsUrl?: string;
}

/** A nested block (`name { … }`) or a resource body. */
export interface BlockSchema {
  name: string;
  description: string;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
  minItems?: number;
  maxItems?: number;
  docsUrl?: string;
}

/** A `resource` or `data` type of a provider. */
export interface ResourceSchema extends BlockSchema {
  kind: SchemaKind;
  provider: ProviderName;
  /** Deprecation message for the whole type. */
  deprecated?: string;
  /** The type to use instead of a deprecated one. */
  replacedBy?: string;
}

export type EnvVarUser = 'envbox' | 'docker' | 'coder';

/** What a container environment variable does, for hover and completion in `env`. */
export interface EnvVarDoc {
  name: string;
  description: string;
  required?: boolean;
  default?: string;
  usedBy: EnvVarUser;
  docsUrl?: string;
}

/** A value worth offering for an attribute, or a key worth offering for a map attribute. */
export interface KnownValue {
  value: string;
  description: string;
  /** Method ids (see RULES.md "Template method detection") the value belongs to, if any. */
  methods?: readonly string[];
  docsUrl?: string;
}

/** A map key worth offering (e.g. an annotation), with the value that usually goes with it. */
export interface KnownMapKey {
  key: string;
  /** The value to insert with the key, as HCL text. */
  value?: string;
  description: string;
  /**
   * The key contains the placeholder `<container>`: replace it with a container name of the pod
   * before inserting.
   */
  containerPlaceholder?: boolean;
  methods?: readonly string[];
  docsUrl?: string;
}

/** Terraform provider metadata: local name, registry source and docs. */
export interface ProviderInfo {
  name: ProviderName;
  source: string;
  description: string;
  docsUrl: string;
}
