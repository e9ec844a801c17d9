/** Operations on the Go evaluator's values that need no package: map keys, names, descriptions, arithmetic. */
import type { TypeExpr } from './ast';
import { ExternalCall, GoStruct, GoSymbol, isUnknown, Unknown, Value } from './values';

export function key(v: Value): string | number | boolean {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof GoSymbol) return `<${v.name}>`;
  return `<${describe(v)}>`;
}

/**
 * How a name of another package is written in symbols: the Go standard library and the plugin SDK by
 * their package name (`schema.TypeString`, `validation.StringInSlice`, `regexp.MustCompile`), anything
 * else by its import path, since aliases differ from file to file.
 */
export function qualified(path: string, name: string): string {
  const parts = path.split('/');
  const last = /^v\d+$/.test(parts[parts.length - 1]!) ? parts[parts.length - 2]! : parts[parts.length - 1]!;
  const short = !path.includes('.') || path.startsWith('github.com/hashicorp/terraform-plugin-sdk/');
  return `${short ? last : path}.${name}`;
}

export function typeName(t: TypeExpr): string {
  switch (t.k) {
    case 'name':
      return t.pkg ? `${t.pkg}.${t.name}` : t.name;
    case 'ptr':
      return typeName(t.elem);
    default:
      return t.k;
  }
}

export function describe(v: Value): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (v instanceof GoSymbol) return v.name;
  if (v instanceof ExternalCall) return `${v.name}(…)`;
  if (v instanceof Unknown) return `unknown (${v.why})`;
  if (v instanceof GoStruct) return `struct ${v.type}`;
  return v.constructor.name;
}

export function arithmetic(op: string, x: Value, y: Value): Value {
  if (op === '==' || op === '!=') {
    if (isUnknown(x) || isUnknown(y)) return new Unknown(`${op} of an unknown value`);
    const same = x === y || ((x === undefined || x === null) && (y === undefined || y === null));
    return op === '==' ? same : !same;
  }
  if (typeof x === 'number' && typeof y === 'number') {
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': return Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y;
      case '%': return x % y;
      case '<': return x < y;
      case '<=': return x <= y;
      case '>': return x > y;
      case '>=': return x >= y;
      case '<<': return x * 2 ** y;
      case '>>': return Math.floor(x / 2 ** y);
      case '|': return x | y;
      case '&': return x & y;
      case '^': return x ^ y;
      case '&^': return x & ~y;
    }
  }
  if (typeof x === 'string' && typeof y === 'string') {
    switch (op) {
      case '+': return x + y;
      case '<': return x < y;
      case '<=': return x <= y;
      case '>': return x > y;
      case '>=': return x >= y;
    }
  }
  return new Unknown(`${op} of ${describe(x)} and ${describe(y)}`);
}
