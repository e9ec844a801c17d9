import type { TfFile } from '../document';
import type { TemplateModule } from '../module';
import type { SyntaxNode } from '../parser';
import { asAttribute, objectKey, templateParts, unwrap } from '../syntax';
import { callFunction, expressions, operation } from './functions';
import { asBool, asNumber, asString, elementOf, knownEqual, UNKNOWN, unknownAt, Value } from './values';

/** What a `dynamic` block's iterator stands for in one instance of its content: `<iterator>.key` and `.value`. */
export interface Binding {
  key: Value;
  value: Value;
}
export type Scope = ReadonlyMap<string, Binding>;

/** Deeper `local.` chains than this are not followed (Terraform has no limit; real templates use two or three). */
const MAX_DEPTH = 32;
/** Expressions nested deeper than this read as unknown (the call stack stays small on any input). */
const MAX_NESTING = 200;

/**
 * The one value reader of the rules: reads an expression to what can be known of it (see `Value`), with
 * Terraform's conversions between strings, bools and numbers, the functions that only combine literals
 * (`concat`, `merge`, `try`, `coalesce`, `tolist`, `toset`, `tomap`, `tostring`, `tonumber`, `tobool`,
 * `lookup`), conditionals and `!`/`==`/`&&`/`||` on known operands, and `local.` references followed
 * through other locals. `var.`, resources, data sources and every other function are unknown.
 */
export class ValueReader {
  private readonly locals = new Map<string, Value>();
  private readonly pending = new Set<string>();
  private nesting = 0;

  constructor(readonly module: TemplateModule) {}

  read(node: SyntaxNode | undefined | null, file?: TfFile, scope?: Scope): Value {
    return this.evaluate(node ?? undefined, file, scope, 0);
  }

  /** Known true, known false, or undefined when it cannot be known. */
  bool(node: SyntaxNode | undefined | null, file?: TfFile, scope?: Scope): boolean | undefined {
    return node ? asBool(this.read(node, file, scope)) : undefined;
  }

  string(node: SyntaxNode | undefined | null, file?: TfFile, scope?: Scope): string | undefined {
    return node ? asString(this.read(node, file, scope)) : undefined;
  }

  number(node: SyntaxNode | undefined | null, file?: TfFile, scope?: Scope): number | undefined {
    return node ? asNumber(this.read(node, file, scope)) : undefined;
  }

  /** The value of `local.<name>`, read once per module snapshot. */
  local(name: string, depth = 0): Value {
    const known = this.locals.get(name);
    if (known) return known;
    // A cycle is an error in Terraform; a chain this deep is not worth following.
    if (this.pending.has(name) || depth > MAX_DEPTH) return UNKNOWN;
    const declaration = this.module.find('local', name);
    const value = declaration ? asAttribute(declaration.node)?.value : undefined;
    if (!declaration || !value) return UNKNOWN;
    this.pending.add(name);
    const v = this.evaluate(value, declaration.file, undefined, depth + 1);
    this.pending.delete(name);
    this.locals.set(name, v);
    return v;
  }

  /**
   * Whether an expression's source matches `pattern` (not global), or that of a local it refers to, or
   * of what a `dynamic` iterator it uses stands for: `value = local.token` mentions `coder_agent.x.token`
   * when `local.token` does.
   */
  mentions(node: SyntaxNode | undefined, pattern: RegExp, scope?: Scope, seen = new Set<string>()): boolean {
    if (!node) return false;
    const text = node.text;
    if (pattern.test(text)) return true;
    for (const m of text.matchAll(/\blocal\s*\.\s*([A-Za-z_][\w-]*)/g)) {
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      const declaration = this.module.find('local', m[1]);
      if (declaration && this.mentions(asAttribute(declaration.node)?.value, pattern, undefined, seen)) return true;
    }
    for (const [name, binding] of scope ?? []) {
      if (!new RegExp(`(?<![\\w.-])${name}\\s*\\.`).test(text)) continue;
      if (this.mentions(binding.value.node, pattern, undefined, seen) || this.mentions(binding.key.node, pattern, undefined, seen)) return true;
    }
    return false;
  }

  private evaluate(node: SyntaxNode | undefined, file: TfFile | undefined, scope: Scope | undefined, depth: number): Value {
    // Text nested deeper than real templates ever are (a fuzzed `[[[[…` thousands deep) is not read.
    if (this.nesting >= MAX_NESTING) return unknownAt(node, file);
    this.nesting++;
    try {
      return this.evaluateNode(node, file, scope, depth);
    } finally {
      this.nesting--;
    }
  }

  private evaluateNode(node: SyntaxNode | undefined, file: TfFile | undefined, scope: Scope | undefined, depth: number): Value {
    const n = unwrap(node);
    if (!n) return UNKNOWN;
    const at = { node: n, file };
    const sub = (child: SyntaxNode | undefined | null) => this.evaluate(child ?? undefined, file, scope, depth);
    switch (n.type) {
      case 'numeric_lit':
        return { kind: 'number', value: Number(n.text), ...at };
      case 'bool_lit':
        return { kind: 'bool', value: n.text === 'true', ...at };
      case 'null_lit':
        return { kind: 'null', ...at };
      case 'string_lit':
      case 'template_expr':
      case 'quoted_template':
      case 'heredoc_template': {
        let text = '';
        for (const part of templateParts(n)) {
          if (part.kind === 'text') text += part.text;
          else if (part.kind === 'directive') return unknownAt(n, file);
          else {
            const piece = asString(sub(part.node.namedChildren.find((c) => c?.type === 'expression')));
            if (piece === undefined) return unknownAt(n, file);
            text += piece;
          }
        }
        return { kind: 'string', value: text, ...at };
      }
      case 'tuple':
        return { kind: 'list', items: expressions(n).map(sub), open: false, ...at };
      case 'object': {
        const entries = new Map<string, Value>();
        let open = false;
        for (const element of n.namedChildren) {
          if (!element || element.type !== 'object_elem') continue;
          const [keyNode, valueNode] = element.namedChildren.filter((c) => c?.type === 'expression');
          const key = objectKey(keyNode) ?? asString(sub(keyNode));
          if (key === undefined) open = true;
          else entries.set(key, sub(valueNode));
        }
        return { kind: 'object', entries, open, ...at };
      }
      case 'for_expr':
        return n.namedChildren[0]?.type === 'for_object_expr' ? { kind: 'object', entries: new Map(), open: true, ...at } : { kind: 'list', items: [], open: true, ...at };
      case 'function_call':
        return callFunction(n, file, (child) => this.evaluate(child, file, scope, depth));
      case 'conditional': {
        const [condition, whenTrue, whenFalse] = expressions(n);
        const chosen = asBool(sub(condition));
        if (chosen !== undefined) return sub(chosen ? whenTrue : whenFalse);
        const a = sub(whenTrue);
        const b = sub(whenFalse);
        return knownEqual(a, b) ? a : unknownAt(n, file);
      }
      case 'operation':
        return operation(n, (parts) => (parts.length === 1 ? sub(parts[0]) : this.traversal(parts, n, file, scope, depth)), at);
      case 'expression':
        return this.traversal(n.namedChildren.filter((c): c is SyntaxNode => !!c), n, file, scope, depth);
      default:
        return unknownAt(n, file);
    }
  }

  /**
   * `local.a.b[0]`, `<iterator>.key`, `<iterator>.value.x`; anything else is unknown. `parts` are the root
   * `variable_expr` and its `get_attr`/`index` steps (an expression's children, or an operand's run of siblings).
   */
  private traversal(parts: SyntaxNode[], whole: SyntaxNode, file: TfFile | undefined, scope: Scope | undefined, depth: number): Value {
    const [root, ...steps] = parts;
    const rootName = root?.type === 'variable_expr' ? root.text : undefined;
    const origin = { node: whole, file };
    const binding = rootName !== undefined ? scope?.get(rootName) : undefined;
    const first = steps[0]?.type === 'get_attr' ? steps[0].namedChildren.find((c) => c?.type === 'identifier')?.text : undefined;
    let v: Value;
    if (rootName === 'local' && first !== undefined) v = this.local(first, depth);
    else if (binding && (first === 'key' || first === 'value')) v = first === 'key' ? binding.key : binding.value;
    else return unknownAt(whole, file);
    for (const step of steps.slice(1)) {
      const key = this.stepKey(step, file, scope, depth);
      if (key === undefined) return unknownAt(whole, file);
      v = elementOf(v, key, origin);
    }
    // The value is what the chain leads to, but the finding (or a fix) belongs where it was written.
    return v.kind === 'unknown' ? unknownAt(v.node ?? whole, v.file ?? file) : v;
  }

  /** The key of one step: `.name`, `.0`, `[expression]`; undefined for a splat or a key that cannot be read. */
  private stepKey(step: SyntaxNode, file: TfFile | undefined, scope: Scope | undefined, depth: number): string | number | undefined {
    if (step.type === 'get_attr') return step.namedChildren.find((c) => c?.type === 'identifier')?.text;
    if (step.type !== 'index') return undefined;
    const inner = step.namedChildren[0];
    if (inner?.type === 'legacy_index') return Number(inner.text.slice(1));
    const key = this.evaluate(inner?.namedChildren.find((c) => c?.type === 'expression') ?? undefined, file, scope, depth);
    return key.kind === 'number' ? key.value : key.kind === 'string' ? key.value : undefined;
  }
}


const readers = new WeakMap<TemplateModule, ValueReader>();

/** The value reader of a module snapshot (it keeps the locals it has read). */
export function valuesOf(module: TemplateModule): ValueReader {
  let reader = readers.get(module);
  if (!reader) readers.set(module, (reader = new ValueReader(module)));
  return reader;
}
