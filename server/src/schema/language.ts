/**
 * Terraform's own blocks and meta-arguments, in the same shape as the provider schemas so that one lookup
 * serves both. The notes are the project's own words.
 */
import type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from './types';

const LANG = 'https://developer.hashicorp.com/terraform/language';
const META = `${LANG}/meta-arguments`;

interface AttributeSpec {
  type?: CtyType;
  required?: boolean;
  note: string;
  docsUrl?: string;
}

function attributes(specs: Record<string, AttributeSpec>, docsUrl?: string): Map<string, AttributeSchema> {
  const out = new Map<string, AttributeSchema>();
  for (const [name, s] of Object.entries(specs)) {
    out.set(name, {
      name,
      type: s.type ?? 'dynamic',
      required: s.required === true,
      optional: s.required !== true,
      computed: false,
      sensitive: false,
      deprecated: false,
      note: s.note,
      docsUrl: s.docsUrl ?? docsUrl,
    });
  }
  return out;
}

function block(attrs: Map<string, AttributeSchema>, nested: NestedBlockSchema[] = [], open = false): BlockSchema {
  return { attributes: attrs, blocks: new Map(nested.map((b) => [b.name, b])), open };
}

function nested(name: string, body: BlockSchema, note: string, extras: Partial<NestedBlockSchema> = {}): NestedBlockSchema {
  return { name, nesting: 'list', minItems: 0, maxItems: 0, deprecated: false, block: body, note, ...extras };
}

const condition = (name: string, note: string) =>
  nested(
    name,
    block(
      attributes({
        condition: { required: true, note: 'An expression that must be true.' },
        error_message: { type: 'string', required: true, note: 'The message shown when the condition is false.' },
      }),
    ),
    note,
    { docsUrl: `${LANG}/expressions/custom-conditions` },
  );

const lifecycle = nested(
  'lifecycle',
  block(
    attributes(
      {
        create_before_destroy: { type: 'bool', note: 'Create the replacement before destroying the old instance.' },
        prevent_destroy: { type: 'bool', note: 'Refuse any plan that would destroy this resource (e.g. a home volume).' },
        ignore_changes: { note: 'Attributes whose changes Terraform ignores, or `all`.' },
        replace_triggered_by: { note: 'References whose change replaces this resource.' },
      },
      `${META}/lifecycle`,
    ),
    [condition('precondition', 'A check made before the resource is planned.'), condition('postcondition', 'A check made after the resource is planned or applied.')],
  ),
  'How Terraform replaces and updates this resource.',
  { maxItems: 1, docsUrl: `${META}/lifecycle` },
);

const dataLifecycle = nested(
  'lifecycle',
  block(new Map(), [condition('precondition', 'A check made before the data source is read.'), condition('postcondition', 'A check made after the data source is read.')]),
  'Conditions checked around reading this data source.',
  { maxItems: 1, docsUrl: `${META}/lifecycle` },
);

/** How Terraform connects to a machine for provisioners; many transport options, so any argument is accepted. */
const connection = nested('connection', block(attributes({ type: { type: 'string', note: '`ssh` or `winrm`.' }, host: { type: 'string', note: 'The address to connect to.' } }), [], true), 'How provisioners connect to the machine.', {
  maxItems: 1,
  docsUrl: `${LANG}/resources/provisioners/connection`,
});

const provisioner = nested('provisioner', block(new Map(), [connection], true), 'A command run when the resource is created or destroyed (`local-exec`, `remote-exec`, `file`).', {
  labels: 1,
  docsUrl: `${LANG}/resources/provisioners/syntax`,
});

const commonMeta = {
  count: { type: 'number' as CtyType, note: 'How many instances to create. Coder templates set `data.coder_workspace.me.start_count` so containers stop with the workspace.', docsUrl: `${META}/count` },
  for_each: { note: 'Create one instance per element of a map or set of strings.', docsUrl: `${META}/for_each` },
  depends_on: { note: 'Resources this one must wait for, beyond its references.', docsUrl: `${META}/depends_on` },
  provider: { note: 'Which provider configuration (alias) to use.', docsUrl: `${META}/resource-provider` },
};

/** Meta-arguments of a `resource` body. */
export const RESOURCE_META: BlockSchema = block(attributes(commonMeta), [lifecycle, connection, provisioner]);

/** Meta-arguments of a `data` body. */
export const DATA_META: BlockSchema = block(attributes(commonMeta), [dataLifecycle]);

/** The body of a `dynamic "x"` block; its `content` takes the body of `x`, which the lookup supplies. */
export const DYNAMIC_BODY: BlockSchema = block(
  attributes(
    {
      for_each: { required: true, note: 'The collection to make one block per element of.' },
      iterator: { note: 'The name of the element variable (the block type by default).' },
      labels: { note: 'Labels of each generated block.' },
    },
    `${LANG}/expressions/dynamic-blocks`,
  ),
  [nested('content', block(new Map(), [], true), 'The body of each generated block.', { minItems: 1, maxItems: 1 })],
);

/** The meta-arguments a provider configuration takes beside the provider's own arguments. */
export const PROVIDER_META: BlockSchema = block(
  attributes({
    alias: { type: 'string', note: 'Name of an additional configuration of the same provider.', docsUrl: `${LANG}/providers/configuration` },
  }),
);

export interface LanguageBlockSchema extends NestedBlockSchema {
  /** The first label names a resource or data source type. */
  typed?: boolean;
}

const top = (name: string, body: BlockSchema, note: string, docsUrl: string, extras: Partial<LanguageBlockSchema> = {}): LanguageBlockSchema => ({
  ...nested(name, body, note, { docsUrl }),
  ...extras,
});

/** Terraform's top-level blocks. Resource, data and provider bodies come from the provider schemas. */
export const LANGUAGE_BLOCKS: readonly LanguageBlockSchema[] = [
  top('resource', block(new Map()), 'A piece of infrastructure Terraform creates and manages, such as a container or a Coder agent.', `${LANG}/resources/syntax`, { labels: 2, typed: true }),
  top('data', block(new Map()), 'A data source: read-only facts Terraform looks up, such as `coder_workspace` or `coder_workspace_owner`.', `${LANG}/data-sources`, { labels: 2, typed: true }),
  top(
    'variable',
    block(
      attributes({
        type: { note: 'Type constraint: `string`, `number`, `bool`, `list(string)`, `map(string)`, `object({…})`.' },
        default: { note: 'Value used when none is given; without it the variable is required.' },
        description: { type: 'string', note: 'What the variable is for; Coder shows it when the template is pushed.' },
        sensitive: { type: 'bool', note: 'Hide the value in plan output.' },
        nullable: { type: 'bool', note: 'Whether `null` is an accepted value.' },
        ephemeral: { type: 'bool', note: 'The value is not stored in plan or state files.' },
      }),
      [condition('validation', 'A condition the value must meet, with the message shown when it does not.')],
    ),
    'An input variable of the template, set by the template admin (`coder templates push --variable`).',
    `${LANG}/values/variables`,
    { labels: 1 },
  ),
  top('locals', block(new Map(), [], true), 'Named values computed once and used as `local.<name>` anywhere in the module.', `${LANG}/values/locals`),
  top(
    'output',
    block(
      attributes({
        value: { required: true, note: 'The value to return.' },
        description: { type: 'string', note: 'What the output is.' },
        sensitive: { type: 'bool', note: 'Hide the value in plan output.' },
        depends_on: { note: 'Dependencies beyond the references in `value`.' },
        ephemeral: { type: 'bool', note: 'The value is not stored in state.' },
      }),
      [condition('precondition', 'A check made before the output is computed.')],
    ),
    'A value the module returns.',
    `${LANG}/values/outputs`,
    { labels: 1 },
  ),
  top(
    'module',
    block(
      attributes({
        source: { type: 'string', required: true, note: 'Where the module comes from: a registry address, a Git URL or a local path.' },
        version: { type: 'string', note: 'Version constraint, for registry modules.' },
        count: { type: 'number', note: 'How many instances of the module to create; Coder modules usually take `data.coder_workspace.me.start_count`.' },
        for_each: { note: 'One instance per element of a map or set.' },
        providers: { note: 'Which provider configurations the module gets.' },
        depends_on: { note: 'Dependencies beyond the references in the arguments.' },
      }),
      [],
      true,
    ),
    'Another module used by this one, e.g. a module from registry.coder.com (code-server, git-clone…).',
    `${LANG}/modules/syntax`,
    { labels: 1 },
  ),
  top('provider', PROVIDER_META, 'Configuration of a provider, e.g. the Kubernetes cluster to use or the Docker host.', `${LANG}/providers/configuration`, { labels: 1 }),
  top(
    'terraform',
    block(
      attributes({ required_version: { type: 'string', note: 'Terraform versions this module works with, e.g. `>= 1.3`.' }, experiments: { note: 'Experimental language features to turn on.' } }),
      [
        nested('required_providers', block(new Map(), [], true), 'The providers this module uses, each with its registry `source` and a `version` constraint.', { maxItems: 1, docsUrl: `${LANG}/providers/requirements` }),
        nested('backend', block(new Map(), [], true), 'Where Terraform keeps state (Coder manages state itself; templates leave this out).', { maxItems: 1, labels: 1 }),
        nested('cloud', block(new Map(), [], true), 'HCP Terraform settings.', { maxItems: 1 }),
        nested('provider_meta', block(new Map(), [], true), 'Module metadata for a provider.', { labels: 1 }),
      ],
    ),
    'Settings of the module itself: the providers it needs and the Terraform version.',
    `${LANG}/terraform`,
  ),
  top('moved', block(attributes({ from: { required: true, note: 'The old address.' }, to: { required: true, note: 'The new address.' } })), 'Records that a resource moved to a new address.', `${LANG}/modules/develop/refactoring`),
  top(
    'import',
    block(
      attributes({
        to: { required: true, note: 'The resource address to import into.' },
        id: { type: 'string', note: 'The ID of the existing object.' },
        identity: { note: 'The identity of the existing object.' },
        provider: { note: 'Which provider configuration to use.' },
        for_each: { note: 'One import per element.' },
      }),
    ),
    'Brings an existing object under Terraform.',
    `${LANG}/import`,
  ),
  top('removed', block(attributes({ from: { required: true, note: 'The address that is no longer managed.' } }), [lifecycle, provisioner]), 'Stops managing a resource without destroying it (or destroying it).', `${LANG}/resources/syntax#removing-resources`),
  top('check', block(new Map(), [condition('assert', 'A condition checked after apply.'), nested('data', block(new Map(), [], true), 'A data source read only for this check.', { labels: 2 })], true), 'Assertions checked after every plan and apply.', `${LANG}/checks`, { labels: 1 }),
];

const byName = new Map(LANGUAGE_BLOCKS.map((b) => [b.name, b]));

export function languageBlock(type: string): LanguageBlockSchema | undefined {
  return byName.get(type);
}
