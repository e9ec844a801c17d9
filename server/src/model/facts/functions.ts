import type { TfFile } from '../document';
import type { SyntaxNode } from '../parser';
import { asBool, asNumber, asString, knownEqual, toStatic, unknownAt, Value } from './values';

/**
 * The Terraform functions that only combine what they are given, read on values (see reader.ts):
 * `concat`, `merge`, `try`, `coalesce`, `tolist`, `toset`, `tomap`, `tostring`, `tonumber`, `tobool`,
 * `lookup`. Any other function is unknown.
 */
export function callFunction(n: SyntaxNode, file: TfFile | undefined, sub: (child: SyntaxNode | undefined) => Value): Value {
  const name = n.namedChildren[0]?.type === 'identifier' ? n.namedChildren[0].text : '';
  const args = n.namedChildren.find((c) => c?.type === 'function_arguments');
  if (!args || args.namedChildren.some((c) => c?.type === 'ellipsis')) return unknownAt(n, file);
  const argNodes = expressions(args);
  const at = { node: n, file };
  switch (name) {
    case 'concat': {
      const items: Value[] = [];
      let open = false;
      for (const arg of argNodes.map(sub)) {
        if (arg.kind === 'list') {
          items.push(...arg.items);
          open ||= arg.open;
        } else {
          open = true;
        }
      }
      return { kind: 'list', items, open, ...at };
    }
    case 'merge': {
      const entries = new Map<string, Value>();
      let open = false;
      for (const arg of argNodes.map(sub)) {
        if (arg.kind === 'null') continue;
        // A part that cannot be seen may override any key before it (merge never removes one).
        if (arg.kind !== 'object' || arg.open) for (const [k, v] of entries) if (v.kind !== 'unknown') entries.set(k, unknownAt(v.node, v.file));
        if (arg.kind === 'object') for (const [k, v] of arg.entries) entries.set(k, v);
        open ||= arg.kind !== 'object' || arg.open;
      }
      return { kind: 'object', entries, open, ...at };
    }
    case 'try': {
      const first = sub(argNodes[0]);
      return first.kind === 'unknown' ? unknownAt(n, file) : first;
    }
    case 'coalesce':
      for (const arg of argNodes.map(sub)) {
        if (arg.kind === 'null' || (arg.kind === 'string' && arg.value === '')) continue;
        return arg.kind === 'unknown' ? unknownAt(n, file) : arg;
      }
      return unknownAt(n, file);
    case 'tolist':
    case 'toset': {
      const v = sub(argNodes[0]);
      if (v.kind !== 'list' || argNodes.length !== 1) return unknownAt(n, file);
      if (name === 'tolist') return v;
      const unique = v.open ? v.items : v.items.filter((item, i) => v.items.findIndex((o) => knownEqual(o, item)) === i);
      return { ...v, items: unique, set: true };
    }
    case 'tomap': {
      const v = sub(argNodes[0]);
      return v.kind === 'object' ? v : unknownAt(n, file);
    }
    case 'tostring':
    case 'tonumber':
    case 'tobool': {
      const v = sub(argNodes[0]);
      const converted = name === 'tostring' ? asString(v) : name === 'tonumber' ? asNumber(v) : asBool(v);
      if (converted === undefined) return unknownAt(n, file);
      return typeof converted === 'string' ? { kind: 'string', value: converted, ...at } : typeof converted === 'number' ? { kind: 'number', value: converted, ...at } : { kind: 'bool', value: converted, ...at };
    }
    case 'lookup': {
      const map = sub(argNodes[0]);
      const key = asString(sub(argNodes[1]));
      if (map.kind !== 'object' || key === undefined) return unknownAt(n, file);
      const found = map.entries.get(key);
      if (found) return found;
      return map.open || argNodes.length < 3 ? unknownAt(n, file) : sub(argNodes[2]);
    }
    default:
      return unknownAt(n, file);
  }
}

export function expressions(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
}

/**
 * `!x`, `-x`, `a == b`, `a != b`, `a && b`, `a || b` on known operands. An operand is the run of nodes on
 * one side of the operator token (a traversal stands there as its root and steps, not wrapped).
 */
export function operation(n: SyntaxNode, operand: (parts: SyntaxNode[]) => Value, at: { node: SyntaxNode; file?: TfFile }): Value {
  const op = n.namedChildren[0];
  const token = op?.children.find((c) => c && !c.isNamed && c.type !== '(' && c.type !== ')');
  if (!op || !token) return unknownAt(n, at.file);
  const named = (list: Array<SyntaxNode | null>) => list.filter((c): c is SyntaxNode => !!c && c.isNamed);
  const before = named(op.children.filter((c) => c && c.startIndex < token.startIndex));
  const after = named(op.children.filter((c) => c && c.startIndex >= token.endIndex));
  const operator = token.type;
  if (op.type === 'unary_operation') {
    const v = operand(after);
    if (operator === '!' && asBool(v) !== undefined) return { kind: 'bool', value: !asBool(v), ...at };
    if (operator === '-' && asNumber(v) !== undefined) return { kind: 'number', value: -(asNumber(v) as number), ...at };
    return unknownAt(n, at.file);
  }
  const left = operand(before);
  const right = operand(after);
  const bool = (value: boolean): Value => ({ kind: 'bool', value, ...at });
  switch (operator) {
    case '==':
    case '!=': {
      const a = toStatic(left);
      const b = toStatic(right);
      if (a === undefined || b === undefined) return unknownAt(n, at.file);
      return bool((JSON.stringify(a) === JSON.stringify(b)) === (operator === '=='));
    }
    case '&&':
    case '||': {
      const a = asBool(left);
      const b = asBool(right);
      const decisive = operator === '||';
      if (a === decisive || b === decisive) return bool(decisive);
      return a === undefined || b === undefined ? unknownAt(n, at.file) : bool(!decisive);
    }
    default:
      return unknownAt(n, at.file);
  }
}
