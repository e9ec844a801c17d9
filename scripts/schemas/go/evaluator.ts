/**
 * Runs the Go functions of one package that build provider schemas, as Go would, on the subset they use:
 * composite literals, package functions with arguments, local variables, field and map assignments,
 * `if`, `for … range`, `switch`, `append`, `delete`, `make`, conversions and constants with `iota`.
 * Whatever belongs to another package stays symbolic: `schema.TypeString` is a GoSymbol, a call such as
 * `validation.StringInSlice([]string{…}, false)` an ExternalCall with its evaluated arguments. What cannot
 * be known (a method of another package, a type switch) is Unknown, and every place where evaluation had to
 * guess is listed in `warnings`.
 */
import type { Element, Expr, FuncDecl, GoFile, Stmt, TypeExpr } from './ast';
import { ExternalCall, GoFunction, GoMap, GoSlice, GoStruct, isUnknown, Scope, GoSymbol, Tuple, Unknown, Value } from './values';

type Signal = { kind: 'return'; value: Value } | { kind: 'break' } | { kind: 'continue' } | undefined;

const MAX_DEPTH = 200;
const MAX_STEPS = 5_000_000;

export class GoPackage {
  readonly warnings: string[] = [];
  private readonly funcs = new Map<string, FuncDecl>();
  private readonly methods = new Map<string, FuncDecl>();
  private readonly specs = new Map<string, { value?: Expr; iota: number; file: GoFile }>();
  private readonly cache = new Map<string, Value>();
  /** Per file: import alias → import path. */
  private readonly fileImports = new Map<string, Map<string, string>>();
  /** The file whose code runs now (import aliases are per file). */
  private readonly files: string[] = [];
  private readonly types = new Set<string>();
  private readonly global = new Scope();
  private depth = 0;
  private steps = 0;

  constructor(
    files: readonly GoFile[],
    /** Values of other packages' constants, by qualified name (`k8s.io/api/core/v1.ProtocolTCP`). */
    private readonly constants: Readonly<Record<string, string | number>> = {},
  ) {
    for (const file of files) {
      for (const f of file.funcs) {
        if (f.receiver) this.methods.set(`${f.receiver}.${f.name}`, f);
        else this.funcs.set(f.name, f);
      }
      for (const v of file.values) this.specs.set(v.name, { value: v.value, iota: v.iota, file });
      this.fileImports.set(file.path, file.imports);
      for (const t of file.types) this.types.add(t);
    }
  }

  has(name: string): boolean {
    return this.funcs.has(name);
  }

  /** Calls the package function `name` with already evaluated arguments. */
  call(name: string, args: Value[] = []): Value {
    const decl = this.funcs.get(name);
    if (!decl) throw new Error(`no function ${name} in the package`);
    return this.invoke(this.declared(decl), args);
  }

  /** Calls a function value (a closure a package function returned). */
  invokeValue(fn: GoFunction, args: Value[]): Value {
    return this.invoke(fn, args);
  }

  /** The value of the package-level expression `source`'s parse, e.g. the argument list of a map entry. */
  evaluate(expr: Expr): Value {
    return this.expr(expr, this.global);
  }

  private declared(decl: FuncDecl): GoFunction {
    return new GoFunction(decl.name, decl.params, decl.results, decl.body, this.global, undefined, decl.file);
  }

  private warn(message: string): void {
    if (this.warnings.length < 500) this.warnings.push(message);
  }

  // ---- calls ----------------------------------------------------------------------------------------

  private invoke(fn: GoFunction, args: Value[]): Value {
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
  private importOf(alias: string, scope: Scope): string | undefined {
    if (scope.lookup(alias)) return undefined;
    return this.fileImports.get(this.files[this.files.length - 1] ?? '')?.get(alias);
  }

  /** Another package's name: a known constant's value, or a symbol named by the package (see qualified()). */
  private external(alias: string, name: string, scope: Scope): Value | undefined {
    const path = this.importOf(alias, scope);
    if (path === undefined) return undefined;
    const full = `${path}.${name}`;
    if (full in this.constants) return this.constants[full];
    return new GoSymbol(qualified(path, name));
  }

  private callExpr(e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
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

  private builtin(name: string, e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
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

  // ---- statements -----------------------------------------------------------------------------------

  private block(body: readonly Stmt[], scope: Scope): Signal {
    for (const s of body) {
      const signal = this.stmt(s, scope);
      if (signal) return signal;
    }
    return undefined;
  }

  private stmt(s: Stmt, scope: Scope): Signal {
    if (++this.steps > MAX_STEPS) throw new Error('evaluation took too many steps');
    switch (s.k) {
      case 'expr':
        this.expr(s.x, scope);
        return undefined;
      case 'assign':
        this.assign(s, scope);
        return undefined;
      case 'incdec': {
        const v = this.expr(s.x, scope);
        if (typeof v === 'number') this.store(s.x, s.op === '++' ? v + 1 : v - 1, scope, false);
        return undefined;
      }
      case 'var':
        s.names.forEach((name, i) => scope.define(name, s.values[i] ? this.single(this.expr(s.values[i]!, scope)) : undefined));
        return undefined;
      case 'block':
        return this.block(s.body, new Scope(scope));
      case 'if': {
        const inner = new Scope(scope);
        if (s.init) this.stmt(s.init, inner);
        const cond = this.single(this.expr(s.cond, inner));
        if (typeof cond !== 'boolean') {
          this.warn(`an if condition is not known (${describe(cond)}): neither branch taken`);
          return undefined;
        }
        if (cond) return this.block(s.then, new Scope(inner));
        return s.else ? this.block(s.else, new Scope(inner)) : undefined;
      }
      case 'for':
        return this.forLoop(s, scope);
      case 'range':
        return this.rangeLoop(s, scope);
      case 'switch':
        return this.switchStmt(s, scope);
      case 'return': {
        if (s.values.length === 1) return { kind: 'return', value: this.expr(s.values[0]!, scope) };
        if (s.values.length === 0) return { kind: 'return', value: undefined };
        return { kind: 'return', value: new Tuple(s.values.map((v) => this.single(this.expr(v, scope)))) };
      }
      case 'branch':
        if (s.word === 'break') return { kind: 'break' };
        if (s.word === 'continue') return { kind: 'continue' };
        return undefined;
      case 'skip':
        return undefined;
    }
  }

  private forLoop(s: Extract<Stmt, { k: 'for' }>, scope: Scope): Signal {
    const inner = new Scope(scope);
    if (s.init) this.stmt(s.init, inner);
    for (let n = 0; n < 100_000; n++) {
      if (s.cond) {
        const c = this.single(this.expr(s.cond, inner));
        if (typeof c !== 'boolean') {
          this.warn('a for condition is not known: loop skipped');
          return undefined;
        }
        if (!c) return undefined;
      } else if (!s.cond && !s.init && !s.post) {
        this.warn('an endless for loop: skipped');
        return undefined;
      }
      const signal = this.block(s.body, new Scope(inner));
      if (signal?.kind === 'return') return signal;
      if (signal?.kind === 'break') return undefined;
      if (s.post) this.stmt(s.post, inner);
    }
    throw new Error('for loop ran 100000 times');
  }

  private rangeLoop(s: Extract<Stmt, { k: 'range' }>, scope: Scope): Signal {
    const over = this.single(this.expr(s.x, scope));
    let pairs: Array<[Value, Value]>;
    if (over instanceof GoSlice) pairs = over.items.map((v, i) => [i, v]);
    else if (over instanceof GoMap) pairs = [...over.entries].map(([k, v]) => [k, v]);
    else if (typeof over === 'number') pairs = Array.from({ length: over }, (_, i) => [i, i]);
    else if (typeof over === 'string') pairs = [...over].map((c, i) => [i, c.codePointAt(0)!]);
    else if (over === undefined || over === null) pairs = [];
    else {
      this.warn(`range over ${describe(over)}: loop skipped`);
      return undefined;
    }
    for (const [k, v] of pairs) {
      const inner = new Scope(scope);
      if (s.define) {
        if (s.key?.k === 'ident') inner.define(s.key.name, k);
        if (s.value?.k === 'ident') inner.define(s.value.name, v);
      } else {
        if (s.key) this.store(s.key, k, scope, false);
        if (s.value) this.store(s.value, v, scope, false);
      }
      const signal = this.block(s.body, inner);
      if (signal?.kind === 'return') return signal;
      if (signal?.kind === 'break') return undefined;
    }
    return undefined;
  }

  private switchStmt(s: Extract<Stmt, { k: 'switch' }>, scope: Scope): Signal {
    if (s.typeSwitch) {
      this.warn('a type switch: skipped');
      return undefined;
    }
    const inner = new Scope(scope);
    if (s.init) this.stmt(s.init, inner);
    const tag = s.tag ? this.single(this.expr(s.tag, inner)) : true;
    if (isUnknown(tag)) {
      this.warn('a switch on an unknown value: skipped');
      return undefined;
    }
    let matched = s.clauses.find((c) => c.exprs?.some((x) => this.single(this.expr(x, inner)) === tag));
    matched ??= s.clauses.find((c) => !c.exprs);
    if (!matched) return undefined;
    const signal = this.block(matched.body, new Scope(inner));
    return signal?.kind === 'break' ? undefined : signal;
  }

  private assign(s: Extract<Stmt, { k: 'assign' }>, scope: Scope): void {
    let values: Value[];
    if (s.rhs.length === 1 && s.lhs.length > 1) {
      const rhs = s.rhs[0]!;
      const v = this.expr(rhs, scope);
      if (v instanceof Tuple) values = v.items;
      else if (rhs.k === 'index' || rhs.k === 'assert') values = [v, v !== undefined && !isUnknown(v)]; // comma-ok
      else values = s.lhs.map(() => new Unknown('multiple values from one expression'));
    } else values = s.rhs.map((r) => this.single(this.expr(r, scope)));
    s.lhs.forEach((target, i) => {
      let value = values[i];
      if (s.op !== '=' && s.op !== ':=') {
        const current = this.single(this.expr(target, scope));
        value = arithmetic(s.op.slice(0, -1), current, value);
      }
      this.store(target, value, scope, s.op === ':=');
    });
  }

  private store(target: Expr, value: Value, scope: Scope, define: boolean): void {
    if (target.k === 'ident') {
      if (target.name === '_') return;
      const slot = define ? undefined : scope.lookup(target.name);
      if (slot) slot.value = value;
      else scope.define(target.name, value);
      return;
    }
    if (target.k === 'index') {
      const container = this.single(this.expr(target.x, scope));
      const k = this.single(this.expr(target.index[0]!, scope));
      if (container instanceof GoMap) container.entries.set(key(k), value);
      else if (container instanceof GoSlice && typeof k === 'number') container.items[k] = value;
      else this.warn(`assignment into ${describe(container)} ignored`);
      return;
    }
    if (target.k === 'sel') {
      const owner = this.single(this.expr(target.x, scope));
      if (owner instanceof GoStruct) owner.fields.set(target.name, value);
      else this.warn(`assignment to field ${target.name} of ${describe(owner)} ignored`);
      return;
    }
    if (target.k === 'unary' && target.op === '*') {
      this.store(target.x, value, scope, false);
      return;
    }
    this.warn(`assignment to ${target.k} ignored`);
  }

  // ---- expressions ----------------------------------------------------------------------------------

  private single(v: Value): Value {
    return v instanceof Tuple ? v.items[0] : v;
  }

  private expr(e: Expr, scope: Scope, hint?: TypeExpr): Value {
    switch (e.k) {
      case 'string':
        return e.value;
      case 'int':
      case 'float':
      case 'rune':
        return e.value;
      case 'ident':
        return this.identifier(e.name, scope);
      case 'sel': {
        if (e.x.k === 'ident') {
          const external = this.external(e.x.name, e.name, scope);
          if (external !== undefined) return external;
        }
        const owner = this.single(this.expr(e.x, scope));
        if (owner instanceof GoStruct) return owner.fields.get(e.name);
        if (owner instanceof GoSymbol) return new GoSymbol(`${owner.name}.${e.name}`);
        return new Unknown(`field ${e.name} of ${describe(owner)}`);
      }
      case 'index': {
        const container = this.single(this.expr(e.x, scope));
        if (container instanceof GoFunction) return container; // an instantiated generic function
        const k = this.single(this.expr(e.index[0]!, scope));
        if (container instanceof GoMap) return container.entries.get(key(k));
        if (container instanceof GoSlice && typeof k === 'number') return container.items[k];
        if (typeof container === 'string' && typeof k === 'number') return container.charCodeAt(k);
        return new Unknown(`index of ${describe(container)}`);
      }
      case 'slice': {
        const container = this.single(this.expr(e.x, scope));
        const lo = e.lo ? this.single(this.expr(e.lo, scope)) : 0;
        const hi = e.hi ? this.single(this.expr(e.hi, scope)) : undefined;
        if (typeof lo !== 'number' || (hi !== undefined && typeof hi !== 'number')) return new Unknown('slice bounds');
        if (container instanceof GoSlice) return new GoSlice(container.items.slice(lo, hi as number | undefined));
        if (typeof container === 'string') return container.slice(lo, hi as number | undefined);
        return new Unknown('slice of an unknown value');
      }
      case 'assert':
        return this.single(this.expr(e.x, scope));
      case 'call':
        return this.callExpr(e, scope);
      case 'unary': {
        const x = this.single(this.expr(e.x, scope));
        switch (e.op) {
          case '&':
          case '*':
          case '+':
            return x;
          case '!':
            return typeof x === 'boolean' ? !x : new Unknown('! of an unknown value');
          case '-':
            return typeof x === 'number' ? -x : new Unknown('- of an unknown value');
          case '^':
            return typeof x === 'number' ? ~x : new Unknown('^ of an unknown value');
          default:
            return new Unknown(`unary ${e.op}`);
        }
      }
      case 'binary':
        return this.binary(e, scope);
      case 'composite':
        return this.composite(e.type ?? hint, e.elts, scope);
      case 'func':
        return new GoFunction('func literal', e.params, e.results, e.body, scope, e, this.files[this.files.length - 1]);
      case 'type':
        return new Unknown('a type used as a value');
    }
  }

  private identifier(name: string, scope: Scope): Value {
    const local = scope.lookup(name);
    if (local) return local.value;
    switch (name) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'nil':
        return undefined;
    }
    if (this.cache.has(name)) return this.cache.get(name);
    const spec = this.specs.get(name);
    if (spec) {
      const specScope = new Scope(this.global);
      specScope.define('iota', spec.iota);
      this.files.push(spec.file.path);
      try {
        const value = spec.value ? this.single(this.expr(spec.value, specScope)) : undefined;
        this.cache.set(name, value);
        return value;
      } finally {
        this.files.pop();
      }
    }
    const decl = this.funcs.get(name);
    if (decl) return this.declared(decl);
    return new Unknown(`identifier ${name}`);
  }

  private binary(e: Extract<Expr, { k: 'binary' }>, scope: Scope): Value {
    const x = this.single(this.expr(e.x, scope));
    if (e.op === '&&' || e.op === '||') {
      if (typeof x !== 'boolean') return new Unknown(`${e.op} of an unknown value`);
      if (e.op === '&&' ? !x : x) return x;
      const y = this.single(this.expr(e.y, scope));
      return typeof y === 'boolean' ? y : new Unknown(`${e.op} of an unknown value`);
    }
    const y = this.single(this.expr(e.y, scope));
    return arithmetic(e.op, x, y);
  }

  private composite(type: TypeExpr | undefined, elts: readonly Element[], scope: Scope): Value {
    const t = type?.k === 'ptr' ? type.elem : type;
    const elemType = t?.k === 'map' || t?.k === 'slice' || t?.k === 'array' ? t.elem : undefined;
    const value = (el: Element) => this.single(this.expr(el.value, scope, elemType));
    if (t?.k === 'map' || (!t && elts.some((el) => el.key && el.key.k !== 'ident'))) {
      const m = new GoMap();
      for (const el of elts) m.entries.set(key(this.single(this.expr(el.key!, scope, t?.k === 'map' ? t.key : undefined))), value(el));
      return m;
    }
    if (t?.k === 'slice' || t?.k === 'array' || (!t && elts.every((el) => !el.key) && elts.length > 0)) {
      return new GoSlice(elts.map(value));
    }
    const s = new GoStruct(t ? typeName(t) : '?');
    elts.forEach((el, i) => {
      if (el.key?.k === 'ident') s.fields.set(el.key.name, value(el));
      else s.fields.set(`#${i}`, value(el));
    });
    return s;
  }
}

/** What `builtin` answers for a name that is no builtin (compared by identity). */
const NOT_BUILTIN = new Unknown('not a builtin');

function key(v: Value): string | number | boolean {
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

function arithmetic(op: string, x: Value, y: Value): Value {
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
