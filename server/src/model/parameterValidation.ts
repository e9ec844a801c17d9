import type { CoderParameter, ParameterType, ParameterValidation } from './coderParameters';
import { goRegexp } from './goRegexp';

/**
 * The coder provider's checks of a `coder_parameter` (terraform-provider-coder v2.17.0,
 * `provider/parameter.go` and `provider/formtype.go`), on values that are all known. The texts are the
 * provider's, so that a finding can quote what Coder will say.
 */

/** What the provider says: a summary and a detail, as its diagnostic has them. */
export interface CoderError {
  summary: string;
  detail: string;
}

/** Go's `%q` for the strings these messages hold (ASCII text prints the same). */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** The allowed `form_type` values per type and whether options exist; the first is the default. */
const FORM_TYPES: Record<ParameterType, { withOptions: string[]; withoutOptions: string[] }> = {
  string: { withOptions: ['radio', 'dropdown'], withoutOptions: ['input', 'textarea'] },
  number: { withOptions: ['radio', 'dropdown'], withoutOptions: ['input', 'slider'] },
  bool: { withOptions: ['radio', 'dropdown'], withoutOptions: ['checkbox', 'switch'] },
  'list(string)': { withOptions: ['radio', 'multi-select'], withoutOptions: ['tag-select'] },
};

export type FormTypeOutcome = { optionType: ParameterType; formType: string } | { error: string; allowed: string[] };

/** `ValidateFormType`: the form type in effect and the type of the options, or why the pair is refused. */
export function checkFormType(type: ParameterType, optionsExist: boolean, written: string): FormTypeOutcome {
  const table = FORM_TYPES[type];
  const allowed = optionsExist ? table.withOptions : table.withoutOptions;
  const formType = written === '' ? allowed[0] : written;
  if (!allowed.includes(formType)) {
    const opposite = optionsExist ? table.withoutOptions : table.withOptions;
    const when = opposite.includes(formType) ? (optionsExist ? ' when options exist' : ' when options do not exist') : '';
    return {
      error: `"form_type" attribute=${goQuote(formType)} is not supported for "type"=${goQuote(type)}${when}, choose one of [${allowed.join(' ')}]`,
      allowed,
    };
  }
  // multi-select is the one pair where the options' type differs from the parameter's.
  return { optionType: type === 'list(string)' && formType === 'multi-select' ? 'string' : type, formType };
}

/** Go's strconv.ParseFloat: true, false, or undefined where this port is not sure (hex, underscores). */
function goParsesFloat(text: string): boolean | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return true;
  if (/^[+-]?(inf|infinity|nan)$/i.test(text)) return true;
  if (/^[+-]?0[xX]/.test(text) || text.includes('_')) return undefined;
  return false;
}

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** `json.Unmarshal` into `[]string`: null elements (and a null list) are accepted, as Go accepts them. */
export function parseStringList(text: string): Array<string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed) || !parsed.every((v) => v === null || typeof v === 'string')) return undefined;
  return parsed.map((v) => (v === null ? '' : (v as string)));
}

/** `valueIsType`: why the value is not of the type; undefined when it is (or when unsure). */
export function valueTypeError(type: ParameterType, value: string): string | undefined {
  switch (type) {
    case 'number':
      return goParsesFloat(value) === false ? `${goQuote(value)} is not a number` : undefined;
    case 'bool':
      return GO_BOOLS.has(value) ? undefined : `${goQuote(value)} is not a bool`;
    case 'list(string)':
      return parseStringList(value) ? undefined : `value ${goQuote(value)} is not a valid list of strings`;
    default:
      return undefined;
  }
}

/** A parameter with every argument the checks read known. */
export interface KnownParameter {
  type: ParameterType;
  optionType: ParameterType;
  optionValues: string[];
  default?: string;
  validation?: KnownValidation;
}

export interface KnownValidation {
  min?: number;
  max?: number;
  monotonic: string;
  regex: string;
  error: string;
}

/** The block's arguments as the provider reads them (absent ones empty), when all are literal. */
export function knownValidation(v: ParameterValidation): KnownValidation | undefined {
  const fields = [v.min, v.max, v.monotonic, v.regex, v.error];
  if (fields.some((f) => f.state === 'unknown')) return undefined;
  const text = (f: typeof v.regex) => (f.state === 'known' ? f.value : '');
  const number = (f: typeof v.min) => (f.state === 'known' ? f.value : undefined);
  return { min: number(v.min), max: number(v.max), monotonic: text(v.monotonic), regex: text(v.regex), error: text(v.error) };
}

/**
 * The parameter's checks as the provider runs them, when everything they read is literal and the form
 * type and options pass (the provider stops before the value otherwise); undefined when not.
 */
export function knownParameter(p: CoderParameter): KnownParameter | undefined {
  if (!p.type || p.formType === undefined || !p.options || !p.validations || p.validations.length > 1) return undefined;
  const form = checkFormType(p.type, p.options.length > 0, p.formType);
  if ('error' in form) return undefined;
  const values: string[] = [];
  const names = new Set<string>();
  for (const option of p.options) {
    if (option.value === undefined || option.name === undefined) return undefined;
    if (names.has(option.name) || values.includes(option.value) || valueTypeError(form.optionType, option.value)) return undefined;
    names.add(option.name);
    values.push(option.value);
  }
  if (p.default.state === 'unknown') return undefined;
  const validation = p.validations[0] && knownValidation(p.validations[0]);
  if (p.validations[0] && !validation) return undefined;
  return {
    type: p.type,
    optionType: form.optionType,
    optionValues: values,
    default: p.default.state === 'known' ? p.default.value : undefined,
    validation,
  };
}

export type ValidationField = 'min' | 'max' | 'monotonic' | 'regex';

/**
 * What is wrong with the `validation` block itself, in the provider's order (it stops at the first;
 * each fails whatever the value). A regex is compiled as Go compiles it.
 */
export type ValidationProblem = 'wrong-type' | 'compile' | 'no-error' | 'monotonic-value';

export function validationConfigErrors(type: ParameterType, v: KnownValidation): Array<{ field: ValidationField; problem: ValidationProblem; message: string }> {
  const out: Array<{ field: ValidationField; problem: ValidationProblem; message: string }> = [];
  if (type !== 'number') {
    if (v.min !== undefined) out.push({ field: 'min', problem: 'wrong-type', message: `a min cannot be specified for a ${type} type` });
    if (v.max !== undefined) out.push({ field: 'max', problem: 'wrong-type', message: `a max cannot be specified for a ${type} type` });
    if (v.monotonic !== '') out.push({ field: 'monotonic', problem: 'wrong-type', message: `monotonic validation can only be specified for number types, not ${type} types` });
  }
  if (type !== 'string' && v.regex !== '') out.push({ field: 'regex', problem: 'wrong-type', message: `a regex cannot be specified for a ${type} type` });
  if (type === 'string' && v.regex !== '') {
    const compiled = goRegexp(v.regex);
    if ('error' in compiled) out.push({ field: 'regex', problem: 'compile', message: `compile regex <nil>: ${compiled.error}` });
    else if (v.error === '') out.push({ field: 'regex', problem: 'no-error', message: 'an error must be specified with a regex validation' });
  }
  if (type === 'number' && v.monotonic !== '' && v.monotonic !== 'increasing' && v.monotonic !== 'decreasing') {
    out.push({ field: 'monotonic', problem: 'monotonic-value', message: 'number monotonicity can be either "increasing" or "decreasing"' });
  }
  return out;
}

/** `errorRendered`: the author's `error` text with its placeholders filled, as the provider fills them. */
function rendered(v: KnownValidation, value: string): string {
  return v.error.replaceAll('{min}', String(v.min ?? 0)).replaceAll('{max}', String(v.max ?? 0)).replaceAll('{value}', value);
}

const GO_INT_MAX = 2n ** 63n - 1n;

/** Go's strconv.Atoi on a 64-bit machine. */
function goAtoi(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n > GO_INT_MAX || n < -GO_INT_MAX - 1n ? undefined : n;
}

/** The value errors of `Validation.Valid` (a valid block assumed). */
function validationValueError(type: ParameterType, v: KnownValidation, value: string): string | undefined {
  switch (type) {
    case 'bool':
      return value !== 'true' && value !== 'false' ? 'boolean value can be either "true" or "false"' : undefined;
    case 'string': {
      if (v.regex === '') return undefined;
      const compiled = goRegexp(v.regex);
      if ('error' in compiled || compiled.matches(value)) return undefined;
      return `${v.error} (value ${goQuote(value)} does not match ${goQuote(v.regex)})`;
    }
    case 'number': {
      const n = goAtoi(value);
      const own = v.error !== '' ? rendered(v, value) : undefined;
      if (n === undefined) return own ?? `value ${goQuote(value)} is not a number`;
      if (v.min !== undefined && n < BigInt(v.min)) return own ?? `value ${n} is less than the minimum ${v.min}`;
      if (v.max !== undefined && n > BigInt(v.max)) return own ?? `value ${n} is more than the maximum ${v.max}`;
      return undefined;
    }
    case 'list(string)':
      return parseStringList(value) ? undefined : `value ${goQuote(value)} is not valid list of strings`;
  }
}

/**
 * `ValidateInput` from the options check on, for one value: the default at import (or `""` when there
 * is none and a validation block exists), or a preset's value. Undefined when the value passes.
 */
export function valueError(p: KnownParameter, value: string, isDefault: boolean): CoderError | undefined {
  const name = isDefault ? 'Default value' : 'Value';
  if (p.optionValues.length > 0) {
    if (p.type === 'list(string)' && p.optionType === 'string') {
      const list = parseStringList(value);
      if (!list) {
        return { summary: 'When using list(string) type, value must be a json encoded list of strings', detail: `value ${goQuote(value)} is not a valid list of strings` };
      }
      const missing = list.filter((item) => !p.optionValues.includes(item));
      if (missing.length) {
        return {
          summary: `${name}s must be a valid option`,
          detail: `${name} ${goQuote(value)} is not a valid option, values ${goQuote(missing.join(', '))} are missing from the options`,
        };
      }
    } else if (!p.optionValues.includes(value)) {
      const empty = value === '' ? '. The value is empty, did you forget to set it with a default or from user input?' : '';
      return { summary: `${name} must be a valid option${empty}`, detail: `the value ${goQuote(value)} must be defined as one of options` };
    }
  }
  if (p.validation && validationConfigErrors(p.type, p.validation).length === 0) {
    const error = validationValueError(p.type, p.validation, value);
    if (error) return { summary: `Invalid parameter ${name.toLowerCase()} according to 'validation' block`, detail: error };
  }
  const typeError = valueTypeError(p.type, value);
  return typeError ? { summary: `Parameter value is not of type ${goQuote(p.type)}`, detail: typeError } : undefined;
}
