/**
 * The schemas as the language server uses them: the generated provider files (format.ts) loaded into
 * maps, with shared blocks shared, plus the Terraform language's own blocks in the same shape.
 */
import type { CtyType, Removal, ValueChecks } from './format';

export type { CtyType, Removal, ValueChecks } from './format';

export type ProviderName = 'coder' | 'docker' | 'kubernetes';

export type SchemaKind = 'resource' | 'data';

/** One argument or attribute (`name = value`) of a block. */
export interface AttributeSchema {
  name: string;
  type: CtyType;
  required: boolean;
  optional: boolean;
  /** Set by the provider; read-only unless also optional. */
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
  /** Value constraints the provider checks (allowed values, ranges, patterns, formats). */
  checks?: ValueChecks;
  /** Constraints on each element of a collection value. */
  elementChecks?: ValueChecks;
  /** The provider's default, when the argument is left out. */
  default?: string | number | boolean;
  conflictsWith?: readonly string[];
  /** The project's own words, for Terraform's language and meta-arguments (provider notes: notes.ts). */
  note?: string;
  docsUrl?: string;
}

/** A nested block type (`name { … }`) as it appears in its parent. */
export interface NestedBlockSchema {
  name: string;
  nesting: 'single' | 'list' | 'set' | 'map';
  minItems: number;
  /** 0 when unbounded. */
  maxItems: number;
  deprecated: boolean;
  block: BlockSchema;
  /** Block labels it takes (`provisioner "local-exec"`, `dynamic "env"`). */
  labels?: number;
  note?: string;
  docsUrl?: string;
}

/** The body of a block: its arguments and nested block types. */
export interface BlockSchema {
  attributes: ReadonlyMap<string, AttributeSchema>;
  blocks: ReadonlyMap<string, NestedBlockSchema>;
  /** Any argument name is allowed here (module inputs, `locals`, provisioner bodies we do not model). */
  open?: boolean;
}

/** A resource or data source type of one provider release. */
export interface ResourceSchema {
  kind: SchemaKind;
  name: string;
  release: ProviderRelease;
  block: BlockSchema;
  deprecated: boolean;
  replacedBy?: string;
  /** From hand-edited pages only: completion and hover, never a finding. */
  unchecked: boolean;
}

/** One bundled release of a provider, with its types. */
export interface ProviderRelease {
  provider: ProviderName;
  version: string;
  /** `coder/coder`, `kreuzwerker/docker`, `hashicorp/kubernetes`. */
  source: string;
  /** The registry documentation of this release. */
  docsUrl: string;
  resources: ReadonlyMap<string, ResourceSchema>;
  dataSources: ReadonlyMap<string, ResourceSchema>;
  providerConfig: BlockSchema;
  removals: readonly Removal[];
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

/** A provider the extension knows, for `required_providers` and `provider` blocks. */
export interface ProviderInfo {
  name: ProviderName;
  source: string;
  /** The project's own one-line description. */
  description: string;
  docsUrl: string;
}
