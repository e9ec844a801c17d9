import { argument, ArgumentValue, literalBool, literalInteger, literalString, valueOr } from './coderValues';
import type { Declaration } from './fileIndex';
import type { TemplateModule } from './module';
import { localSourceDir, moduleTree } from './moduleTree';
import type { SyntaxNode } from './parser';
import { attribute, childBlocks, HclBlock } from './syntax';

/**
 * `data "coder_parameter"` as the coder provider reads it at import, where every parameter takes its
 * `default` (Coder passes no values then). Each argument keeps whether it is absent, known or unknown.
 */

export type ParameterType = 'string' | 'number' | 'bool' | 'list(string)';
export const PARAMETER_TYPES: readonly ParameterType[] = ['string', 'number', 'bool', 'list(string)'];

export interface ParameterOption {
  block: HclBlock;
  name?: string;
  nameNode?: SyntaxNode;
  value?: string;
  valueNode?: SyntaxNode;
}

export interface ParameterValidation {
  block: HclBlock;
  min: ArgumentValue<number>;
  max: ArgumentValue<number>;
  monotonic: ArgumentValue<string>;
  regex: ArgumentValue<string>;
  error: ArgumentValue<string>;
}

export interface CoderParameter {
  declaration: Declaration;
  block: HclBlock;
  name: ArgumentValue<string>;
  /** The declared type (`string` when absent); undefined when unknown or not one the provider takes. */
  type?: ParameterType;
  typeValue: ArgumentValue<string>;
  /** `form_type` as written (`''` when absent); undefined when unknown. */
  formType?: string;
  formTypeValue: ArgumentValue<string>;
  mutable: ArgumentValue<boolean>;
  ephemeral: ArgumentValue<boolean>;
  /** The default as a string, as the provider receives it. */
  default: ArgumentValue<string>;
  /** The option blocks; undefined when `dynamic "option"` blocks make them unknown. */
  options?: ParameterOption[];
  /** Every `validation` block (the provider takes one); undefined when `dynamic "validation"` hides them. */
  validations?: ParameterValidation[];
}

const parameters = new WeakMap<TemplateModule, CoderParameter[]>();

/** The template's own parameters, in file and document order (read once per module snapshot). */
export function coderParameters(module: TemplateModule): CoderParameter[] {
  let known = parameters.get(module);
  if (!known) {
    known = module.dataSources('coder_parameter').flatMap((d) => (d.block ? [readParameter(d, d.block)] : []));
    parameters.set(module, known);
  }
  return known;
}

function readParameter(declaration: Declaration, block: HclBlock): CoderParameter {
  const typeValue = argument(block, 'type', literalString);
  const typeText = valueOr(typeValue, 'string');
  const formTypeValue = argument(block, 'form_type', literalString);
  // One pass over the body's blocks: a parameter is read on every edit.
  const blocks = childBlocks(block);
  const dynamic = new Set(blocks.filter((b) => b.type === 'dynamic').map((d) => d.labels[0]));
  return {
    declaration,
    block,
    name: argument(block, 'name', literalString),
    type: PARAMETER_TYPES.find((t) => t === typeText),
    typeValue,
    formType: valueOr(formTypeValue, ''),
    formTypeValue,
    mutable: argument(block, 'mutable', literalBool),
    ephemeral: argument(block, 'ephemeral', literalBool),
    default: argument(block, 'default', literalString),
    options: dynamic.has('option') ? undefined : blocks.filter((b) => b.type === 'option').map(readOption),
    validations: dynamic.has('validation') ? undefined : blocks.filter((b) => b.type === 'validation').map(readValidation),
  };
}

function readOption(block: HclBlock): ParameterOption {
  const name = attribute(block, 'name')?.value;
  const value = attribute(block, 'value')?.value;
  return { block, name: literalString(name), nameNode: name, value: literalString(value), valueNode: value };
}

function readValidation(block: HclBlock): ParameterValidation {
  return {
    block,
    min: argument(block, 'min', literalInteger),
    max: argument(block, 'max', literalInteger),
    monotonic: argument(block, 'monotonic', literalString),
    regex: argument(block, 'regex', literalString),
    error: argument(block, 'error', literalString),
  };
}

/** The parameter's `name` when literal. */
export function parameterName(parameter: CoderParameter): string | undefined {
  return parameter.name.state === 'known' ? parameter.name.value : undefined;
}

/**
 * Every parameter of the template by name, local modules included; undefined when some parameter could
 * be out of sight: a registry module (not on disk) or an unreadable local one, or a name not literal.
 */
export function templateParameters(root: TemplateModule): Map<string, CoderParameter> | undefined {
  const out = new Map<string, CoderParameter>();
  const tree = moduleTree(root);
  for (const { module } of tree) {
    for (const call of module.declarationsOf('module')) {
      const dir = localSourceDir(module, call.block);
      if (!dir || !tree.some((m) => m.module.dir === dir)) return undefined;
    }
    for (const parameter of coderParameters(module)) {
      const name = parameterName(parameter);
      if (name === undefined) return undefined;
      if (!out.has(name)) out.set(name, parameter);
    }
  }
  return out;
}
