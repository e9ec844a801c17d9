/**
 * The Go evaluator's calls (see evaluator.ts): package functions and methods, builtins, conversions, and
 * calls into other packages, kept symbolic. A function's body runs in the next layer.
 */
import type { Expr, Stmt } from './ast';
import { ExpressionEvaluator } from './expressionEvaluator';
import { key, qualified, typeName } from './valueOperations';
import { ExternalCall, GoFunction, GoMap, GoSlice, GoStruct, GoSymbol, Scope, Tuple, Unknown, Value } from './values';

/** How running a body ends: a call reads the returned value, a loop the break or continue. */
export type Signal = { kind: 'return'; value: Value } | { kind: 'break' } | { kind: 'continue' } | undefined;

const MAX_DEPTH = 200;

/** What `builtin` answers for a name that is no builtin (compared by identity). */
const NOT_BUILTIN = new Unknown('not a builtin');

export abstract class CallEvaluator extends ExpressionEvaluator {
  protected abstract block(body: readonly Stmt[], scope: Scope): Signal;

  protected invoke(fn: GoFunction, args: Value[]): Value {
    if (++this.depth > MAX_DEPTH) throw new Error(`call depth over ${MAX_DEPTH} in ${fn.name}`);
    this.files.push(fn.file ?? this.files[this.files.length - 1] ?? '');
    try {
      const scope = new Scope(fn.scope);
      fn.params.forEach((p, i) => {
        if (!p.name) return;
        scope.define(p.name, p.variadic ? new GoSlice(args.slice(i)) : args[i]);
      });
      for (const r of fn.results) if (r.name) scope.define(r.name, undefined);
      const signal = this.block(fn.body, scope);
      if (signal?.kind === 'return') {
        const v = signal.value;
        // Remember which package function made a function value, so that a validator factory is known by name.
        if (v instanceof GoFunction && v.literal && !v.origin && !fn.literal) return new GoFunction(v.name, v.params, v.results, v.body, v.scope, v.literal, v.file, { name: fn.name, args });
        return v;
      }
      const named = fn.results.filter((r) => r.name);
      if (named.length === 1) return scope.lookup(named[0]!.name!)?.value;
      if (named.length > 1) return new Tuple(named.map((r) => scope.lookup(r.name!)?.value));
      return undefined;
    } finally {
      this.depth--;
      this.files.pop();
    }
  }

  /** The import path an alias names in the running file, unless a local variable shadows it. */
  protected importOf(alias: string, scope: Scope): string | undefined {
    if (scope.lookup(alias)) return undefined;
    return this.fileImports.get(this.files[this.files.length - 1] ?? '')?.get(alias);
  }

  /** Another package's name: a known constant's value, or a symbol named by the package (see qualified()). */
  protected external(alias: string, name: string, scope: Scope): Value | undefined {
    const path = this.importOf(alias, scope);
    if (path === undefined) return undefined;
    const full = `${path}.${name}`;
    if (full in this.constants) return this.constants[full];
    return new GoSymbol(qualified(path, name));
  }

  protected callExpr(e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
    const fn = e.fn;
    const args = () => {
      const values = e.args.map((a) => this.single(this.expr(a, scope)));
      if (e.spread && values.length) {
        const last = values.pop();
        if (last instanceof GoSlice) values.push(...last.items);
        else values.push(last);
      }
      return values;
    };
    if (fn.k === 'type') return this.single(this.expr(e.args[0]!, scope)); // a conversion
    if (fn.k === 'ident' && !scope.lookup(fn.name)) {
      const builtin = this.builtin(fn.name, e, scope);
      if (builtin !== NOT_BUILTIN) return builtin;
      if (this.types.has(fn.name)) return this.single(this.expr(e.args[0]!, scope));
      const decl = this.funcs.get(fn.name);
      if (decl) return this.invoke(this.declared(decl), args());
    }
    if (fn.k === 'sel' && fn.x.k === 'ident') {
      const path = this.importOf(fn.x.name, scope);
      if (path !== undefined) return new ExternalCall(qualified(path, fn.name), args());
    }
    if (fn.k === 'sel') {
      const receiver = this.single(this.expr(fn.x, scope));
      if (receiver instanceof GoStruct) {
        const method = this.methods.get(`${receiver.type.split('.').pop()}.${fn.name}`);
        if (method) return this.invoke(this.declared(method), args());
      }
      if (receiver instanceof ExternalCall || receiver instanceof GoSymbol) return new Unknown(`method ${fn.name} of another package's value`);
      return new Unknown(`method ${fn.name}`);
    }
    const callee = this.single(this.expr(fn, scope));
    if (callee instanceof GoFunction) return this.invoke(callee, args());
    if (callee instanceof ExternalCall) return new ExternalCall(`${callee.name}()`, args());
    return new Unknown('call of a value that is not a function');
  }

  protected builtin(name: string, e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
    const arg = (i: number) => this.single(this.expr(e.args[i]!, scope));
    switch (name) {
      case 'append': {
        const base = arg(0);
        const items = base instanceof GoSlice ? [...base.items] : [];
        for (let i = 1; i < e.args.length; i++) {
          const v = arg(i);
          if (e.spread && i === e.args.length - 1) {
            if (v instanceof GoSlice) items.push(...v.items);
            else if (typeof v === 'string') items.push(...[...v].map((c) => c.codePointAt(0)!));
            else return new Unknown('append of an unknown slice');
          } else items.push(v);
        }
        return new GoSlice(items);
      }
      case 'len': {
        const v = arg(0);
        if (v instanceof GoSlice) return v.items.length;
        if (v instanceof GoMap) return v.entries.size;
        if (typeof v === 'string') return Buffer.byteLength(v);
        return new Unknown('len of an unknown value');
      }
      case 'make': {
        const t = e.args[0];
        return t?.k === 'type' && t.type.k === 'map' ? new GoMap() : new GoSlice([]);
      }
      case 'new':
        return new GoStruct(e.args[0]?.k === 'type' ? typeName(e.args[0].type) : '?');
      case 'delete': {
        const m = arg(0);
        if (m instanceof GoMap) m.entries.delete(key(arg(1)));
        return undefined;
      }
      case 'string':
      case 'int':
      case 'int32':
      case 'int64':
      case 'float64':
      case 'bool':
      case 'byte':
      case 'rune':
        return arg(0);
      case 'panic':
        return new Unknown('panic');
      default:
        return NOT_BUILTIN;
    }
  }
}
