/**
 * Turns `schema.Resource` / `schema.Schema` values of terraform-plugin-sdk v2 (as the Go evaluator computed
 * them) into the generated format, following the SDK's own mapping to Terraform's schema: a list or set
 * of a resource is a block (an attribute of objects when it is computed-only or in attribute config
 * mode), a required block has at least one item, a resource gets an optional computed `id`, and
 * `Timeouts` become a `timeouts` block.
 */
import type { CtyType, NestedBlock, SchemaAttribute, SchemaBlock, ValueChecks } from '../../server/src/schema/format';
import { describe } from './go/evaluator';
import { ExternalCall, GoMap, GoSlice, GoStruct, GoSymbol, Value } from './go/values';
import { checksOf, ValidatorContext } from './validators';

export interface SdkContext extends ValidatorContext {
  /** Where a field could not be read, for the generator's report. */
  problems: string[];
}

const TIMEOUT_FIELDS = ['Create', 'Read', 'Update', 'Delete', 'Default'] as const;

/** The body of a resource or data source; `id` is added as the SDK adds it. */
export function resourceBlock(resource: Value, where: string, ctx: SdkContext, topLevel = true): SchemaBlock {
  if (!(resource instanceof GoStruct)) throw new Error(`${where}: not a schema.Resource (${describe(resource)})`);
  const fields = schemaMap(resource, where);
  const block: SchemaBlock = {};
  for (const [name, field] of fields.entries) {
    if (typeof name !== 'string') continue;
    add(block, name, field, `${where}.${name}`, ctx);
  }
  if (topLevel) {
    block.attributes ??= {};
    block.attributes.id ??= { type: 'string', optional: true, computed: true };
    const timeouts = resource.fields.get('Timeouts');
    if (timeouts instanceof GoStruct) {
      const attributes: Record<string, SchemaAttribute> = {};
      for (const f of TIMEOUT_FIELDS) if (timeouts.fields.get(f) !== undefined) attributes[f.toLowerCase()] = { type: 'string', optional: true };
      (block.block_types ??= {}).timeouts = { nesting_mode: 'single', block: { attributes } };
    }
  }
  return block;
}

function schemaMap(resource: GoStruct, where: string): GoMap {
  const fields = resource.fields.get('Schema');
  if (fields instanceof GoMap) return fields;
  if (fields === undefined) return new GoMap();
  throw new Error(`${where}: Schema is ${describe(fields)}`);
}

function add(block: SchemaBlock, name: string, field: Value, where: string, ctx: SdkContext): void {
  if (!(field instanceof GoStruct)) {
    ctx.problems.push(`${where}: not a schema.Schema (${describe(field)})`);
    return;
  }
  const f = (key: string) => field.fields.get(key);
  const type = symbolName(f('Type'));
  const required = f('Required') === true;
  const optional = f('Optional') === true;
  const computed = f('Computed') === true;
  const elem = f('Elem');
  const configModeAttr = symbolName(f('ConfigMode')) === 'schema.SchemaConfigModeAttr';
  if ((type === 'schema.TypeList' || type === 'schema.TypeSet') && elem instanceof GoStruct && elem.type.endsWith('Resource') && !configModeAttr && (required || optional)) {
    const nested: NestedBlock = {
      nesting_mode: type === 'schema.TypeSet' ? 'set' : 'list',
      block: resourceBlock(elem, where, ctx, false),
    };
    const min = numberOf(f('MinItems'));
    const max = numberOf(f('MaxItems'));
    if (min) nested.min_items = min;
    if (required && !nested.min_items) nested.min_items = 1;
    // The SDK ignores MinItems on an optional block (it always has), and tells Terraform so.
    if (optional) delete nested.min_items;
    if (max) nested.max_items = max;
    if (deprecation(f('Deprecated'))) nested.deprecated = true;
    (block.block_types ??= {})[name] = nested;
    return;
  }
  const attribute: SchemaAttribute = { type: ctyOf(field, where, ctx) };
  // The SDK tells Terraform that a required field with a DefaultFunc is optional when the function gives a
  // value (an environment variable's default, as the providers use it): it cannot be missing then.
  const defaultFunc = f('DefaultFunc') !== undefined;
  if (required && !defaultFunc) attribute.required = true;
  if (optional || (required && defaultFunc)) attribute.optional = true;
  if (computed) attribute.computed = true;
  if (!required && !optional && !computed) {
    ctx.problems.push(`${where}: neither required, optional nor computed`);
    attribute.optional = true;
  }
  if (f('Sensitive') === true) attribute.sensitive = true;
  if (f('WriteOnly') === true) attribute.write_only = true;
  if (deprecation(f('Deprecated'))) attribute.deprecated = true;
  const def = f('Default');
  if (typeof def === 'string' || typeof def === 'number' || typeof def === 'boolean') attribute.default = def;
  const conflicts = stringList(f('ConflictsWith'));
  if (conflicts?.length) attribute.conflicts_with = conflicts.map((p) => p.replace(/\.\d+\./g, '.'));
  Object.assign(attribute, validation(field, `${where}`, ctx));
  if (elem instanceof GoStruct && elem.type.endsWith('.Schema')) {
    const elements = validation(elem, `${where}[*]`, ctx);
    if (Object.keys(elements).length) attribute.elements = elements;
  }
  (block.attributes ??= {})[name] = attribute;
}

function validation(field: GoStruct, where: string, ctx: SdkContext): ValueChecks {
  const out: ValueChecks = {};
  for (const key of ['ValidateFunc', 'ValidateDiagFunc']) {
    const v = field.fields.get(key);
    if (v !== undefined) Object.assign(out, checksOf(v, where, ctx));
  }
  return out;
}

const PRIMITIVE: Record<string, CtyType> = {
  'schema.TypeString': 'string',
  'schema.TypeInt': 'number',
  'schema.TypeFloat': 'number',
  'schema.TypeBool': 'bool',
};

/** The cty type of a field that is an attribute (including list/set of resources read as objects). */
function ctyOf(field: GoStruct, where: string, ctx: SdkContext): CtyType {
  const type = symbolName(field.fields.get('Type'));
  const primitive = type ? PRIMITIVE[type] : undefined;
  if (primitive) return primitive;
  const elem = field.fields.get('Elem');
  const elementType = (): CtyType => {
    if (elem instanceof GoStruct && elem.type.endsWith('Resource')) return ['object', objectOf(elem, where, ctx)];
    if (elem instanceof GoStruct) return ctyOf(elem, `${where}[*]`, ctx);
    if (elem === undefined) return 'string';
    ctx.problems.push(`${where}: Elem is ${describe(elem)}`);
    return 'dynamic';
  };
  switch (type) {
    case 'schema.TypeList':
      return ['list', elementType()];
    case 'schema.TypeSet':
      return ['set', elementType()];
    case 'schema.TypeMap':
      // A map of resources is read by the SDK as a map of strings.
      return ['map', elem instanceof GoStruct && !elem.type.endsWith('Resource') ? ctyOf(elem, `${where}[*]`, ctx) : 'string'];
    default:
      ctx.problems.push(`${where}: Type is ${describe(field.fields.get('Type'))}`);
      return 'dynamic';
  }
}

function objectOf(resource: GoStruct, where: string, ctx: SdkContext): Record<string, CtyType> {
  const out: Record<string, CtyType> = {};
  for (const [name, field] of schemaMap(resource, where).entries) {
    if (typeof name === 'string' && field instanceof GoStruct) out[name] = ctyOf(field, `${where}.${name}`, ctx);
  }
  return out;
}

function symbolName(v: Value): string | undefined {
  return v instanceof GoSymbol ? v.name : undefined;
}

function numberOf(v: Value): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function deprecation(v: Value): boolean {
  return (typeof v === 'string' && v !== '') || v instanceof GoSymbol || v instanceof ExternalCall;
}

function stringList(v: Value): string[] | undefined {
  if (!(v instanceof GoSlice)) return undefined;
  return v.items.every((x): x is string => typeof x === 'string') ? v.items : undefined;
}
