/**
 * The shape of the generated Coder module registry index (`schema/data/coder-registry.json`), written by
 * `npm run registry -- --from <folder>` from coder/registry's `registry/coder/modules/<name>/main.tf`,
 * README front matter and release tags. Facts only: names, types, defaults, versions.
 */

export interface RegistryInput {
  /** The type constraint as written (`string`, `list(string)`, `any`); absent when the variable has none. */
  type?: string;
  /** The default as JSON; absent when the input is required. `null` is a default (the input is optional). */
  default?: unknown;
  required: boolean;
  sensitive?: true;
}

export interface RegistryModule {
  name: string;
  display_name?: string;
  /** Released versions, newest first, without the `v`. */
  versions: string[];
  inputs: Record<string, RegistryInput>;
  outputs: string[];
  /** Resource types the module declares (`coder_app`, `coder_script`…), which tell what it adds to a workspace. */
  resources: string[];
  /** The module's page on registry.coder.com. */
  url: string;
}

export interface RegistryIndexFile {
  format_version: 1;
  generated_from: { repository: string; ref: string; commit: string };
  namespace: string;
  modules: Record<string, RegistryModule>;
}
