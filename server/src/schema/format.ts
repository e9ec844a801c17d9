/**
 * The shape of the generated provider schema files (`schema/data/<provider>-<version>.json`), written by
 * `npm run schemas` from the providers' own sources. It follows `terraform providers schema -json` (blocks,
 * attributes, `block_types` with `nesting_mode`, `min_items`/`max_items`, cty types) and adds what that
 * format lacks and the providers' Go code states: allowed values, ranges, patterns, defaults, conflicts.
 * Identical nested blocks are stored once under `blocks` and referenced as `{ "$ref": "<key>" }`.
 */

/** A cty type in Terraform's JSON notation: `"string"`, `["list", "string"]`, `["object", { … }]`. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | ['list' | 'set' | 'map', CtyType]
  | ['object', Record<string, CtyType>]
  | ['tuple', CtyType[]];

/** Value constraints from the provider's validation functions. Each is a condition Terraform's validate enforces. */
export interface ValueChecks {
  /** The value must be one of these. */
  allowed_values?: Array<string | number>;
  /** Values the provider accepts before any other check (a `0` that turns a feature off). */
  also_allowed?: Array<string | number>;
  /** `allowed_values` compares strings without regard to case. */
  ignore_case?: true;
  minimum?: number;
  maximum?: number;
  /** Length in characters (strings) or bytes where the provider counts bytes; see `length_unit`. */
  min_length?: number;
  max_length?: number;
  /** A regular expression the whole value must match (written anchored, in the subset JavaScript and RE2 share). */
  pattern?: string;
  /** A named format the value must have; see schema/valueChecks.ts for each one. */
  format?: ValueFormat;
}

export type ValueFormat =
  | 'octal-mode'
  | 'int-string'
  | 'int-or-percent'
  | 'quantity'
  | 'quantity-map'
  | 'absolute-path'
  | 'relative-path'
  | 'not-blank'
  | 'port-or-name';

export interface SchemaAttribute extends ValueChecks {
  type: CtyType;
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
  write_only?: true;
  deprecated?: true;
  /** The provider's default when the argument is omitted. */
  default?: string | number | boolean;
  /** Other arguments (paths from the type's body, `a.b`) that may not be set with this one. */
  conflicts_with?: string[];
  /** Checks each element of a list, set or map value must pass. */
  elements?: ValueChecks;
}

export type BlockRef = SchemaBlock | { $ref: string };

export interface NestedBlock {
  nesting_mode: 'single' | 'list' | 'set' | 'map';
  block: BlockRef;
  min_items?: number;
  max_items?: number;
  deprecated?: true;
}

export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, NestedBlock>;
}

export interface TypeSchema {
  block: BlockRef;
  deprecated?: true;
  /** The type that replaces a deprecated one (from the provider's own deprecation). */
  replaced_by?: string;
  /**
   * The structure comes from hand-edited pages the provider's CI does not regenerate: good for completion
   * and hover, not exact enough to reject a template with.
   */
  unchecked?: true;
}

/** An argument or type that an earlier release had and this one does not. */
export interface Removal {
  /** `resource.docker_container.links`, `data.coder_workspace.owner`, `provider.feature_use_managed_variables`, `data.coder_git_auth`. */
  path: string;
  /** The last bundled release that still had it. */
  last_seen?: string;
  /** The first release without it, when known. */
  removed_in?: string;
  /** What to use instead: an argument name, or `<kind>.<type>.<attribute>` elsewhere. */
  replacement?: string;
}

export interface ProviderSchemaFile {
  format_version: 1;
  provider: {
    name: string;
    source: string;
    version: string;
    /** The registry documentation of this release. */
    docs: string;
  };
  generated_from: {
    repository: string;
    ref: string;
    commit: string;
    /** Where the structure of the types came from. */
    structure: 'docs' | 'go' | 'go+docs';
  };
  provider_config: BlockRef;
  resource_schemas: Record<string, TypeSchema>;
  data_source_schemas: Record<string, TypeSchema>;
  blocks: Record<string, SchemaBlock>;
  removals?: Removal[];
}
