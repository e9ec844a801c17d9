/**
 * What completion inserts for Terraform's own top-level blocks. Their schemas live in schema/language.ts;
 * this is the editing side: a snippet per block, and whether to open the list again after it.
 */

export interface LanguageSnippet {
  snippet: string;
  /** Open the completion list again after inserting (to pick a resource or data source type). */
  retrigger?: boolean;
}

export const LANGUAGE_SNIPPETS: Readonly<Record<string, LanguageSnippet>> = {
  resource: { snippet: 'resource "$1" "${2:name}" {\n\t$0\n}', retrigger: true },
  data: { snippet: 'data "$1" "${2:me}" {\n\t$0\n}', retrigger: true },
  variable: { snippet: 'variable "${1:name}" {\n\ttype        = ${2:string}\n\tdescription = "${3}"\n}' },
  locals: { snippet: 'locals {\n\t${1:name} = $0\n}' },
  output: { snippet: 'output "${1:name}" {\n\tvalue = $0\n}' },
  module: { snippet: 'module "${1:name}" {\n\tsource = "$2"\n}' },
  provider: { snippet: 'provider "${1|coder,docker,kubernetes|}" {\n\t$0\n}' },
  terraform: { snippet: 'terraform {\n\trequired_providers {\n\t\t$0\n\t}\n}' },
};

/**
 * Version constraints offered in `required_providers`: coder ≥ 2 (owner attributes moved to
 * `coder_workspace_owner`), docker 4.x (the current major, bundled), kubernetes ≥ 2.16.0 (`runtime_class_name`).
 */
export const PROVIDER_VERSION_HINTS: Readonly<Record<string, string>> = {
  coder: '>= 2.0',
  docker: '~> 4.0',
  kubernetes: '>= 2.16.0',
};
