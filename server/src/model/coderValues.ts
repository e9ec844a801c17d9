import type { SyntaxNode } from './parser';
import { attribute, HclBlock, staticValue, StaticValue, traversalOf, unwrap } from './syntax';

/**
 * How the rules that repeat Coder's import checks read values. They judge literals only: a reference, a
 * function call or a conditional is unknown, and an unknown value never raises a finding. Every read
 * goes through this file, so that it can move to a shared tri-state reader without touching the rules.
 */

/**
 * The literal value of an expression, or undefined when it is not a literal. A quoted string's escapes
 * (`\"`, `\n`, `\u00e9`, `$${`) are decoded; a collection holding an escape is left unknown.
 */
export function literal(node: SyntaxNode | undefined | null): StaticValue | undefined {
  const value = staticValue(node);
  const inner = unwrap(node);
  if (value === undefined || !inner || (inner.type === 'numeric_lit' && cutShort(inner))) return undefined;
  // A heredoc's value ends with a newline and may be indented (`<<-`): the tree does not say exactly.
  if (typeof value === 'string') return inner.type === 'string_lit' ? decodeQuoted(value) : undefined;
  return typeof value === 'object' && value !== null && /\\|\$\$\{|%%\{/.test(inner.text) ? undefined : value;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** HCL's escapes in a quoted string; undefined for one HCL refuses (the parser reports it). */
function decodeQuoted(raw: string): string | undefined {
  let bad = false;
  const text = raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (e in ESCAPES) return ESCAPES[e];
    bad = true;
    return '';
  });
  return bad ? undefined : decodeTemplate(text);
}

/**
 * Whether error recovery ended the value early: the grammar reads `1e30` as `1` followed by an error.
 * The literal is then not what Terraform reads.
 */
function cutShort(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const next = n.nextSibling;
    if (next && next.startIndex === node.endIndex && (next.type === 'ERROR' || next.isMissing)) return true;
    if (next) break;
  }
  return false;
}

/** `$${` and `%%{` stand for a literal `${` and `%{` in any template. */
function decodeTemplate(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * The value as Terraform converts it for a string argument: a string as written, a number or a bool
 * printed. Undefined for anything else (unknown, null, a list or an object: those are Terraform's
 * own type errors, not Coder's).
 */
export function literalString(node: SyntaxNode | undefined | null): string | undefined {
  return asTerraformString(literal(node));
}

export function asTerraformString(value: StaticValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  // Terraform prints numbers in full; JavaScript switches to exponents past 1e21 and below 1e-6, so
  // those stay unknown rather than risk a wrong text.
  if (typeof value === 'number' && Number.isFinite(value) && !/e/i.test(String(value))) return String(value);
  return undefined;
}

/** A bool argument: `true`/`false`, or the strings Terraform converts to them. */
export function literalBool(node: SyntaxNode | undefined | null): boolean | undefined {
  const value = literal(node);
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A whole-number argument (or a string Terraform converts to one). */
export function literalInteger(node: SyntaxNode | undefined | null): number | undefined {
  const value = literal(node);
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/** Whether the expression is the literal `null` (Terraform then treats the argument as unset). */
export function isLiteralNull(node: SyntaxNode | undefined | null): boolean {
  return literal(node) === null;
}

/** An argument's state: absent, written as `null`, a known value, or unknown. */
export type ArgumentValue<T> =
  | { state: 'absent' }
  | { state: 'null'; node: SyntaxNode }
  | { state: 'known'; value: T; node: SyntaxNode }
  | { state: 'unknown'; node: SyntaxNode };

export function argument<T>(block: HclBlock | undefined, name: string, read: (node: SyntaxNode) => T | undefined): ArgumentValue<T> {
  const found = attribute(block, name);
  if (!found?.value) return found ? { state: 'unknown', node: found.node } : { state: 'absent' };
  if (isLiteralNull(found.value)) return { state: 'null', node: found.value };
  const value = read(found.value);
  return value === undefined ? { state: 'unknown', node: found.value } : { state: 'known', value, node: found.value };
}

/** The value, when known; the default when the argument is absent or null; undefined when unknown. */
export function valueOr<T>(value: ArgumentValue<T>, fallback: T): T | undefined {
  if (value.state === 'known') return value.value;
  if (value.state === 'unknown') return undefined;
  return fallback;
}

/**
 * How many instances of a block Coder's import sees. Import plans the workspace's start with every
 * `start_count` at 1, so `count = data.coder_workspace.<n>.start_count` is one instance. Undefined when
 * the count cannot be known (a variable, a conditional): such a block may or may not exist.
 */
export function instanceCount(block: HclBlock): number | undefined {
  const count = attribute(block, 'count');
  const forEach = attribute(block, 'for_each');
  if (count) {
    if (isStartCount(count.value)) return 1;
    const n = literalInteger(count.value);
    return n !== undefined && n >= 0 ? n : undefined;
  }
  if (forEach) {
    const value = literal(forEach.value);
    if (Array.isArray(value)) return new Set(value.map((v) => JSON.stringify(v))).size;
    if (value && typeof value === 'object') return Object.keys(value).length;
    return undefined;
  }
  return 1;
}

/** `data.coder_workspace.<n>.start_count`, the whole expression. */
export function isStartCount(node: SyntaxNode | undefined): boolean {
  if (!node || node.type !== 'expression') return false;
  const t = traversalOf(node);
  if (!t || t.root !== 'data' || t.steps.length !== node.namedChildCount - 1) return false;
  const names = t.steps.map((s) => s.name);
  return names.length === 3 && names[0] === 'coder_workspace' && names[2] === 'start_count';
}
