import type { TfFile } from '../document';
import type { SyntaxNode } from '../parser';
import { staticValue, StaticValue } from '../syntax';

/**
 * What can be known about an expression's value without running Terraform. Anything that depends on a
 * variable, a resource attribute or a function this reader does not model is `unknown`; a list or object
 * of which only some parts can be seen is `open`. Rules must treat unknown as "could be anything": unknown
 * never raises a finding, and a fix never acts on it.
 */
export type Value = Origin &
  (
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'bool'; value: boolean }
    | { kind: 'null' }
    | { kind: 'list'; items: Value[]; open: boolean; set?: boolean }
    | { kind: 'object'; entries: Map<string, Value>; open: boolean }
    | { kind: 'unknown' }
  );

/** Where a value was read from: its expression, and the file that holds it (a local may sit in another file). */
export interface Origin {
  node?: SyntaxNode;
  file?: TfFile;
}

export type ListValue = Extract<Value, { kind: 'list' }>;
export type ObjectValue = Extract<Value, { kind: 'object' }>;

export const UNKNOWN: Value = { kind: 'unknown' };

export function unknownAt(node: SyntaxNode | undefined, file: TfFile | undefined): Value {
  return { kind: 'unknown', node, file };
}

/**
 * Terraform's conversion to bool: a bool, or the strings "true" and "false" (`privileged = "true"` is
 * true). Anything else is unknown here (Terraform would reject it, or it depends on a variable).
 */
export function asBool(v: Value | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string') return v.value === 'true' ? true : v.value === 'false' ? false : undefined;
  return undefined;
}

/** Terraform's conversion to string: strings, numbers and bools; null and collections have none. */
export function asString(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'bool') return v.value ? 'true' : 'false';
  return undefined;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Terraform's conversion to number: a number, or a string that spells one (`"0"` is 0). */
export function asNumber(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && NUMBER.test(v.value)) return Number(v.value);
  return undefined;
}

/** The plain value when every part of it is known; undefined otherwise. */
export function toStatic(v: Value | undefined): StaticValue | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list': {
      if (v.open) return undefined;
      const out: StaticValue[] = [];
      for (const item of v.items) {
        const s = toStatic(item);
        if (s === undefined) return undefined;
        out.push(s);
      }
      return out;
    }
    case 'object': {
      if (v.open) return undefined;
      const out: { [key: string]: StaticValue } = {};
      for (const [key, item] of v.entries) {
        const s = toStatic(item);
        if (s === undefined) return undefined;
        out[key] = s;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Whether two values are known to be equal (false when either is not fully known). */
export function knownEqual(a: Value, b: Value): boolean {
  const x = toStatic(a);
  const y = toStatic(b);
  return x !== undefined && y !== undefined && JSON.stringify(x) === JSON.stringify(y);
}

/** A value's element (`list[0]`, `object.key`, `object["key"]`), unknown when it cannot be seen. */
export function elementOf(v: Value, key: string | number, origin: Origin): Value {
  // An open list may hold unseen elements before the seen ones: their positions are not known.
  if (v.kind === 'list' && typeof key === 'number' && !v.open) return v.items[key] ?? unknownAt(origin.node, origin.file);
  if (v.kind === 'object') {
    const found = v.entries.get(String(key));
    // A key of an open object may be added by the part that cannot be seen; a missing one of a closed
    // object is an error in Terraform: unknown either way.
    if (found) return found;
  }
  return unknownAt(origin.node, origin.file);
}

/**
 * Whether an expression is written out as a literal (a string without interpolation, a number, a bool,
 * null, or a list or map of those). A fix may replace or add to only such a value, or an absent one: a
 * reference, function call or conditional there is the user's own logic.
 */
export function isLiteral(node: SyntaxNode | undefined | null): boolean {
  return !!node && staticValue(node) !== undefined;
}
