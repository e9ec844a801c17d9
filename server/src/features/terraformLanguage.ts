/**
 * Terraform's own top-level blocks and their bodies, in the same shape as the provider schemas so that
 * completion and hover treat both alike. Provider schemas live in `schema/`; this is the language.
 */
import { block, opt, req } from '../schema/build';
import { BlockSchema, blockSchemaAt, metaArguments, SchemaKind } from '../schema';

const LANG = 'https://developer.hashicorp.com/terraform/language';

export interface LanguageBlock {
  schema: BlockSchema;
  /** Snippet inserted for the block, with tab stops. */
  snippet: string;
  /** Open the completion list again after inserting (to pick a resource or data source type). */
  retrigger?: boolean;
}

const validation = block('validation', 'A condition the value must meet, with the message shown when it does not.', [
  req('condition', 'any', 'Expression that must be true for the value to be accepted.'),
  req('error_message', 'string', 'Message shown when the condition is false.'),
]);

const condition = (name: string, description: string) =>
  block(name, description, [
    req('condition', 'any', 'Expression that must be true.'),
    req('error_message', 'string', 'Message shown when it is false.'),
  ]);

const requiredProviders = block(
  'required_providers',
  'The providers this module uses, each with its registry `source` and a `version` constraint.',
  [],
  [],
  { maxItems: 1, docsUrl: `${LANG}/providers/requirements` },
);

export const LANGUAGE_BLOCKS: readonly LanguageBlock[] = [
  {
    schema: block('resource', 'A piece of infrastructure Terraform creates and manages, such as a container or a Coder agent.', [], [], {
      docsUrl: `${LANG}/resources/syntax`,
    }),
    snippet: 'resource "$1" "${2:name}" {\n\t$0\n}',
    retrigger: true,
  },
  {
    schema: block('data', 'A data source: read-only facts Terraform looks up, such as `coder_workspace` or `coder_workspace_owner`.', [], [], {
      docsUrl: `${LANG}/data-sources`,
    }),
    snippet: 'data "$1" "${2:me}" {\n\t$0\n}',
    retrigger: true,
  },
  {
    schema: block(
      'variable',
      'An input variable of the template, set by the template admin (`coder templates push --variable`).',
      [
        opt('type', 'any', 'Type constraint: `string`, `number`, `bool`, `list(string)`, `map(string)`, `object({…})`.'),
        opt('default', 'any', 'Value used when none is given; without it the variable is required.'),
        opt('description', 'string', 'What the variable is for; Coder shows it when the template is pushed.'),
        opt('sensitive', 'bool', 'Hide the value in plan output.'),
        opt('nullable', 'bool', 'Whether `null` is an accepted value.'),
        opt('ephemeral', 'bool', 'The value is not stored in plan or state files.'),
      ],
      [validation],
      { docsUrl: `${LANG}/values/variables` },
    ),
    snippet: 'variable "${1:name}" {\n\ttype        = ${2:string}\n\tdescription = "${3}"\n}',
  },
  {
    schema: block('locals', 'Named values computed once and used as `local.<name>` anywhere in the module.', [], [], { docsUrl: `${LANG}/values/locals` }),
    snippet: 'locals {\n\t${1:name} = $0\n}',
  },
  {
    schema: block(
      'output',
      'A value the module returns.',
      [
        req('value', 'any', 'The value to return.'),
        opt('description', 'string', 'What the output is.'),
        opt('sensitive', 'bool', 'Hide the value in plan output.'),
        opt('depends_on', 'list', 'Dependencies beyond the references in `value`.'),
        opt('ephemeral', 'bool', 'The value is not stored in state.'),
      ],
      [condition('precondition', 'A check made before the output is computed.')],
      { docsUrl: `${LANG}/values/outputs` },
    ),
    snippet: 'output "${1:name}" {\n\tvalue = $0\n}',
  },
  {
    schema: block(
      'module',
      'Another module used by this one, e.g. a module from registry.coder.com (code-server, git-clone…).',
      [
        req('source', 'string', 'Where the module comes from: a registry address, a Git URL or a local path.'),
        opt('version', 'string', 'Version constraint, for registry modules.'),
        opt('count', 'number', 'How many instances of the module to create; Coder modules usually take `data.coder_workspace.me.start_count`.'),
        opt('for_each', 'any', 'One instance per element of a map or set.'),
        opt('providers', 'map', 'Which provider configurations the module gets.'),
        opt('depends_on', 'list', 'Dependencies beyond the references in the arguments.'),
      ],
      [],
      { docsUrl: `${LANG}/modules/syntax` },
    ),
    snippet: 'module "${1:name}" {\n\tsource = "$2"\n}',
  },
  {
    schema: block('provider', 'Configuration of a provider, e.g. the Kubernetes cluster to use or the Docker host.', [opt('alias', 'string', 'Name of an additional configuration of the same provider.')], [], {
      docsUrl: `${LANG}/providers/configuration`,
    }),
    snippet: 'provider "${1|coder,docker,kubernetes|}" {\n\t$0\n}',
  },
  {
    schema: block(
      'terraform',
      'Settings of the module itself: the providers it needs and the Terraform version.',
      [opt('required_version', 'string', 'Terraform versions this module works with, e.g. `>= 1.3`.')],
      [requiredProviders],
      { maxItems: 1, docsUrl: `${LANG}/terraform` },
    ),
    snippet: 'terraform {\n\trequired_providers {\n\t\t$0\n\t}\n}',
  },
];

const byName = new Map(LANGUAGE_BLOCKS.map((b) => [b.schema.name, b]));

export function languageBlock(type: string): LanguageBlock | undefined {
  return byName.get(type);
}

/**
 * Version constraints offered in `required_providers`: coder ≥ 2 (owner attributes moved to
 * `coder_workspace_owner`), kubernetes ≥ 2.16.0 (`runtime_class_name`). Docker has none in our facts.
 */
export const PROVIDER_VERSION_HINTS: Readonly<Record<string, string>> = {
  coder: '>= 2.0',
  kubernetes: '>= 2.16.0',
};

/**
 * The schema of the block at `path` inside a resource or data source, including Terraform's own
 * `lifecycle` block, which the provider schemas do not have.
 */
export function resourceBlockSchema(kind: SchemaKind, type: string, path: readonly string[]): BlockSchema | undefined {
  if (path[0] !== 'lifecycle') return blockSchemaAt(kind, type, path);
  let schema: BlockSchema | undefined = metaArguments;
  for (const name of path) schema = schema?.blocks.find((b) => b.name === name);
  return schema;
}
