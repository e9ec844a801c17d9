/**
 * The one answer to "which schema applies here": given the blocks around a position (outermost first,
 * each with its type and labels), the body's arguments and nested blocks, the meta-arguments allowed
 * beside them, the resource or data source it belongs to, and whether the schema is exact enough to
 * reject a name. Completion, hover and the validation rules all ask this; the rules fold it block by
 * block as they walk a tree (`topContext`, then `childContext`).
 */
import type { ReleaseChoice } from './choose';
import { chooseRelease } from './choose';
import { DATA_META, DYNAMIC_BODY, languageBlock, PROVIDER_META, RESOURCE_META } from './language';
import { PROVIDER_NAMES, providerOfType } from './releases';
import type { BlockSchema, NestedBlockSchema, ProviderName, ResourceSchema, SchemaKind } from './types';

/** The provider releases a module's `required_providers` constraints choose. */
export class SchemaSet {
  private readonly choices = new Map<ProviderName, ReleaseChoice>();
  /** Equal for two sets with the same constraints (so analyses of unchanged text can be reused). */
  readonly key: string;

  constructor(
    /** The version constraint per provider, as written (absent: none). */
    private readonly constraints: Partial<Record<ProviderName, string>> = {},
  ) {
    this.key = JSON.stringify(Object.entries(constraints).sort());
  }

  choice(provider: ProviderName): ReleaseChoice {
    let c = this.choices.get(provider);
    if (!c) {
      c = chooseRelease(provider, this.constraints[provider]);
      this.choices.set(provider, c);
    }
    return c;
  }

  /** The schema of a `coder_`/`docker_`/`kubernetes_` type in the chosen release. */
  type(kind: SchemaKind, name: string): ResourceSchema | undefined {
    const provider = providerOfType(name);
    if (!provider) return undefined;
    const release = this.choice(provider).release;
    return (kind === 'resource' ? release.resources : release.dataSources).get(name);
  }

  /** Every type of the kind in the chosen releases, sorted by name. */
  types(kind: SchemaKind): ResourceSchema[] {
    const out: ResourceSchema[] = [];
    for (const provider of PROVIDER_NAMES) {
      const release = this.choice(provider).release;
      out.push(...(kind === 'resource' ? release.resources : release.dataSources).values());
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }
}

export interface Frame {
  type: string;
  labels: readonly string[];
}

export interface Owner {
  kind: SchemaKind;
  type: string;
  schema?: ResourceSchema;
  /** Nested block names from the type's body; a `dynamic "x"` block counts as `x`. */
  path: string[];
}

export interface SchemaContext {
  /** The arguments and nested blocks of this body; undefined when nothing is known of it. */
  body?: BlockSchema;
  /** Meta-arguments allowed beside the body's own (resource, data and provider bodies). */
  meta?: BlockSchema;
  /** The resource or data source this body belongs to. */
  owner?: Owner;
  /** The release in use for the owner's (or provider block's) provider. */
  choice?: ReleaseChoice;
  /** The schema is exact for this module here: an unknown name is an error Terraform would report. */
  checked: boolean;
  /** Inside `dynamic "x"`: the block type `x` (its `content` takes x's body). */
  dynamicOf?: NestedBlockSchema;
  /** The innermost language block (`variable`, `lifecycle`, `provisioner`…), when the body is Terraform's own. */
  language?: string;
}

const UNKNOWN: SchemaContext = { checked: false };

export function topContext(set: SchemaSet, frame: Frame): SchemaContext {
  const [first] = frame.labels;
  if ((frame.type === 'resource' || frame.type === 'data') && first !== undefined) {
    const kind: SchemaKind = frame.type;
    const meta = kind === 'resource' ? RESOURCE_META : DATA_META;
    const provider = providerOfType(first);
    if (!provider) return { meta, checked: false, owner: { kind, type: first, path: [] } };
    const choice = set.choice(provider);
    const schema = set.type(kind, first);
    return {
      body: schema?.block,
      meta,
      owner: { kind, type: first, schema, path: [] },
      choice,
      checked: !!schema && choice.admitted && !schema.unchecked,
    };
  }
  if (frame.type === 'provider' && first !== undefined) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(first)) return { meta: PROVIDER_META, checked: false, language: 'provider' };
    const choice = set.choice(first as ProviderName);
    return { body: choice.release.providerConfig, meta: PROVIDER_META, choice, checked: choice.admitted, language: 'provider' };
  }
  const language = languageBlock(frame.type);
  // Terraform's own blocks gain arguments from release to release: described, never checked.
  return language ? { body: language.block, checked: false, language: frame.type } : UNKNOWN;
}

export function childContext(parent: SchemaContext, frame: Frame): SchemaContext {
  if (parent.dynamicOf) {
    if (frame.type !== 'content' || !parent.owner) return frame.type === 'content' ? UNKNOWN : fromBody(parent, frame);
    return { body: parent.dynamicOf.block, owner: { ...parent.owner, path: [...parent.owner.path, parent.dynamicOf.name] }, choice: parent.choice, checked: parent.checked };
  }
  if (frame.type === 'dynamic' && parent.owner && parent.body) {
    const label = frame.labels[0] ?? '';
    const target = parent.body.blocks.get(label);
    return { body: DYNAMIC_BODY, owner: parent.owner, choice: parent.choice, dynamicOf: target, checked: parent.checked && !!target, language: 'dynamic' };
  }
  const meta = parent.meta?.blocks.get(frame.type);
  if (meta && !parent.body?.blocks.has(frame.type)) return { body: meta.block, checked: parent.checked && !meta.block.open, language: frame.type };
  return fromBody(parent, frame);
}

function fromBody(parent: SchemaContext, frame: Frame): SchemaContext {
  const nested = parent.body?.blocks.get(frame.type);
  if (!nested) return UNKNOWN;
  if (parent.language) return { body: nested.block, checked: parent.checked && !nested.block.open, language: frame.type };
  return {
    body: nested.block,
    owner: parent.owner && { ...parent.owner, path: [...parent.owner.path, frame.type] },
    choice: parent.choice,
    checked: parent.checked && !nested.block.open,
  };
}

/** The context of the innermost of `frames` (outermost first); the top level when there are none. */
export function lookup(set: SchemaSet, frames: readonly Frame[]): SchemaContext | undefined {
  if (!frames.length) return undefined;
  let ctx = topContext(set, frames[0]!);
  for (let i = 1; i < frames.length; i++) ctx = childContext(ctx, frames[i]!);
  return ctx;
}

/** The nested block `name` may be written in this body (its own blocks, then meta blocks). */
export function nestedBlockIn(ctx: SchemaContext, name: string): NestedBlockSchema | undefined {
  return ctx.body?.blocks.get(name) ?? ctx.meta?.blocks.get(name);
}
