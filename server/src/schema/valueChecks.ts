/**
 * Whether a literal fits an attribute: Terraform's conversion to the attribute's type (a string converts
 * to a number or bool when it reads as one, a number or bool to a string), then the provider's own
 * checks (format.ts `ValueChecks`). Each answer is a short reason in the project's words, or undefined
 * when the value is fine or the question cannot be decided for sure.
 */
import type { CtyType, ValueChecks } from './format';

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/** What Terraform turns a literal into for a primitive type, or why it cannot. */
export function convertPrimitive(value: Literal, type: 'string' | 'number' | 'bool'): { value: string | number | boolean } | { problem: string } | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value) || typeof value === 'object') return { problem: `a ${type} is required, not a ${Array.isArray(value) ? 'list' : 'map or object'}` };
  switch (type) {
    case 'string':
      return { value: typeof value === 'string' ? value : String(value) };
    case 'number':
      if (typeof value === 'number') return { value };
      if (typeof value === 'boolean') return { problem: 'a number is required, not a bool' };
      if (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) && value.trim() === value) return { value: Number(value) };
      // Terraform's number syntax has corners (large exponents, Go's float forms): only plain non-numbers are certain.
      return /^[^0-9]*$/.test(value) || /[^0-9eE+\-._xXa-fA-F ]/.test(value) ? { problem: `"${value}" is not a number` } : undefined;
    case 'bool':
      if (typeof value === 'boolean') return { value };
      if (typeof value === 'number') return { problem: 'a bool is required, not a number' };
      if (value === 'true' || value === '1') return { value: true };
      if (value === 'false' || value === '0') return { value: false };
      return { problem: `"${value}" is not a bool (Terraform takes "true", "false", "1" or "0")` };
  }
}

/** Why a literal cannot be converted to a (collection) type, looking into its elements. */
export function conversionProblem(value: Literal, type: CtyType): string | undefined {
  if (value === null || type === 'dynamic') return undefined;
  if (typeof type === 'string') {
    const r = convertPrimitive(value, type);
    return r && 'problem' in r ? r.problem : undefined;
  }
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) return `a ${kind} is required`;
    for (const [i, element] of value.entries()) {
      const p = conversionProblem(element, inner as CtyType);
      if (p) return `element ${i + 1}: ${p}`;
    }
    return undefined;
  }
  if (kind === 'map' || kind === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return `a ${kind} is required`;
    if (kind === 'object') return undefined;
    for (const [key, element] of Object.entries(value)) {
      const p = conversionProblem(element, inner as CtyType);
      if (p) return `"${key}": ${p}`;
    }
    return undefined;
  }
  return undefined;
}

/** Why a converted value fails the provider's checks, or undefined when it passes them all. */
export function checkProblem(value: string | number | boolean, checks: ValueChecks): string | undefined {
  if (checks.also_allowed?.some((a) => a === value)) return undefined;
  const or = checks.also_allowed?.length ? ` (or ${checks.also_allowed.map(show).join(', ')})` : '';
  if (checks.allowed_values) {
    const fold = (v: string | number) => (checks.ignore_case && typeof v === 'string' ? v.toLowerCase() : v);
    const target = typeof value === 'boolean' ? String(value) : fold(value);
    if (!checks.allowed_values.some((a) => fold(a) === target || String(fold(a)) === String(target))) {
      return `${show(value)} is not one of the values the provider accepts: ${checks.allowed_values.map(show).join(', ')}`;
    }
  }
  if (typeof value === 'number') {
    if (checks.minimum !== undefined && value < checks.minimum) return `${value} is below the minimum of ${checks.minimum}${or}`;
    if (checks.maximum !== undefined && value > checks.maximum) return `${value} is above the maximum of ${checks.maximum}${or}`;
  }
  if (typeof value === 'string') {
    const bytes = Buffer.byteLength(value);
    if (checks.min_length !== undefined && bytes < checks.min_length) return checks.min_length === 1 ? 'the value may not be empty' : `${show(value)} is shorter than ${checks.min_length} characters`;
    if (checks.max_length !== undefined && bytes > checks.max_length) return `the value is longer than ${checks.max_length} characters`;
    if (checks.pattern !== undefined && !new RegExp(checks.pattern).test(value)) return `${show(value)} does not match the provider's pattern \`${checks.pattern}\``;
  }
  if (checks.format) return formatProblem(value, checks.format);
  return undefined;
}

function show(v: string | number | boolean): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

function formatProblem(value: string | number | boolean, format: NonNullable<ValueChecks['format']>): string | undefined {
  const text = String(value);
  switch (format) {
    case 'octal-mode': {
      if (!/^0[0-7]*$/.test(text)) return `${show(value)} is not an octal file mode starting with 0 (such as "0644")`;
      return parseInt(text, 8) > 0o777 ? `${show(value)} is above "0777"` : undefined;
    }
    case 'int-string':
      return text === '' || /^[+-]?\d+$/.test(text) ? undefined : `${show(value)} is not a whole number`;
    case 'int-or-percent': {
      if (text === '' || /^[+-]?\d+$/.test(text)) return undefined;
      const m = /^([+-]?\d+)%$/.exec(text);
      if (!m) return `${show(value)} is neither a whole number nor a percentage`;
      const n = Number(m[1]);
      return n < 0 || n > 100 ? `${show(value)} is not between 0% and 100%` : undefined;
    }
    case 'quantity':
      return typeof value === 'string' && !QUANTITY.test(value) ? `${show(value)} is not a Kubernetes quantity (such as "500m", "2Gi" or "1")` : undefined;
    case 'quantity-map':
      return undefined; // checked per map value by quantityMapProblem
    case 'absolute-path':
      return /^\//.test(text) || /^[A-Za-z]:[\\/]/.test(text) ? undefined : `${show(value)} is not an absolute path`;
    case 'relative-path':
      if (text.startsWith('/')) return `${show(value)} must be a relative path`;
      return text.split('/').includes('..') || text.startsWith('..') ? `${show(value)} may not contain ".."` : undefined;
    case 'not-blank':
      return text.trim() === '' ? 'the value may not be empty or blank' : undefined;
    case 'port-or-name':
      return portOrNameProblem(value);
  }
}

function portOrNameProblem(value: string | number | boolean): string | undefined {
  const text = String(value);
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    return n < 1 || n > 65535 ? `${n} is not a port number (1 to 65535)` : undefined;
  }
  // An IANA service name: at most 15 lowercase letters, digits and single inner hyphens, with a letter.
  const ok = text.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(text) && !text.includes('--') && /[a-z]/.test(text);
  return ok ? undefined : `${show(value)} is neither a port number nor a port name (up to 15 lowercase letters, digits and hyphens)`;
}

/** For `format: quantity-map` (resource limits and requests): the first value that is neither a whole number nor a quantity. */
export function quantityMapProblem(value: Literal): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'number' && Number.isInteger(v)) continue;
    if (typeof v === 'string' && !QUANTITY.test(v)) return `"${key}" = "${v}" is not a Kubernetes quantity (such as "500m", "2Gi" or "1")`;
  }
  return undefined;
}
