/**
 * A recursive-descent parser for the Go the provider schema files are written in: package-level
 * functions, variables and constants, and inside functions the statements and expressions that build
 * schemas. A declaration it cannot read is recorded in `failures` and skipped; the rest of the file is
 * still read.
 */
import type { Clause, Element, Expr, FuncDecl, GoFile, Param, Stmt, TypeExpr, ValueSpec } from './ast';
import { GoSyntaxError, Token, tokenize } from './lexer';

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};

const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);

export function parseGoFile(path: string, source: string): GoFile {
  return new Parser(path, tokenize(source), source).file();
}

class Parser {
  private i = 0;
  /** Above zero inside the header of `if`, `for` and `switch`, where `T {` opens the body, not a literal. */
  private noLiteral = 0;

  constructor(
    private readonly path: string,
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  // ---- tokens ---------------------------------------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.i]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }

  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  private expect(text: string): Token {
    if (!this.is(text)) throw new GoSyntaxError(`expected ${text}, found ${this.tok.text || this.tok.kind}`, this.tok.pos);
    return this.tokens[this.i++]!;
  }

  private ident(): string {
    const t = this.tok;
    if (t.kind !== 'ident') throw new GoSyntaxError(`expected identifier, found ${t.text || t.kind}`, t.pos);
    this.i++;
    return t.text;
  }

  private skipSemicolons(): void {
    while (this.accept(';'));
  }

  /** Skips a balanced bracket group starting at the current `(`, `[` or `{`. */
  private skipBalanced(): void {
    let depth = 0;
    do {
      const t = this.tok;
      if (t.kind === 'eof') throw new GoSyntaxError('unbalanced brackets', t.pos);
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      this.i++;
    } while (depth > 0);
  }

  // ---- file -----------------------------------------------------------------------------------------

  file(): GoFile {
    const out: GoFile = { path: this.path, pkg: '', imports: new Map(), funcs: [], values: [], types: [], failures: [] };
    this.skipSemicolons();
    this.expect('package');
    out.pkg = this.ident();
    this.skipSemicolons();
    while (this.tok.kind !== 'eof') {
      const start = this.i;
      try {
        this.topLevel(out);
      } catch (error) {
        const line = this.tokens[start]!.text;
        out.failures.push(`${line} at ${this.tokens[start]!.pos}: ${(error as Error).message}`);
        this.i = start + 1;
        this.recover();
      }
      this.skipSemicolons();
    }
    return out;
  }

  /**
   * Moves to the next top-level declaration: a declaration keyword at bracket depth zero, or at the start
   * of a line (gofmt'd code starts every top-level declaration there, whatever brackets the broken one left open).
   */
  private recover(): void {
    let depth = 0;
    while (this.tok.kind !== 'eof') {
      const t = this.tok;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth = Math.max(0, depth - 1);
      const declaration = t.kind === 'keyword' && ['func', 'var', 'const', 'type', 'import'].includes(t.text) && this.peek(-1).text === ';';
      if (declaration && (depth === 0 || t.pos === 0 || this.source[t.pos - 1] === '\n')) return;
      this.i++;
    }
  }

  private topLevel(out: GoFile): void {
    const t = this.tok;
    if (t.kind !== 'keyword') throw new GoSyntaxError(`unexpected ${t.text}`, t.pos);
    switch (t.text) {
      case 'import':
        this.i++;
        if (this.accept('(')) {
          while (!this.accept(')')) {
            this.importSpec(out);
            this.skipSemicolons();
          }
        } else this.importSpec(out);
        return;
      case 'type':
        this.i++;
        out.types.push(...this.typeNames());
        this.skipDeclaration();
        return;
      case 'var':
      case 'const':
        this.i++;
        out.values.push(...this.valueSpecs(t.text === 'const'));
        return;
      case 'func':
        out.funcs.push(this.funcDecl());
        return;
      default:
        throw new GoSyntaxError(`unexpected ${t.text}`, t.pos);
    }
  }

  private importSpec(out: GoFile): void {
    let alias: string | undefined;
    if (this.tok.kind === 'ident' || this.is('.')) alias = this.tokens[this.i++]!.text;
    const path = this.tok;
    if (path.kind !== 'string') throw new GoSyntaxError('expected import path', path.pos);
    this.i++;
    if (alias) {
      out.imports.set(alias, path.text);
      return;
    }
    // Without an alias the package clause names it, which the path only suggests: its last element
    // (`v1` for k8s.io/api/core/v1), the one before a module version (`schema` for …/schema/v2), or the
    // last element without a `go-` prefix.
    const parts = path.text.split('/');
    const last = parts[parts.length - 1]!;
    const names = [last, last.replace(/^go-/, '').replace(/\.v\d+$/, '')];
    if (/^v\d+$/.test(last) && parts.length > 1) names.push(parts[parts.length - 2]!);
    for (const name of names) if (!out.imports.has(name)) out.imports.set(name, path.text);
  }

  /** The names a `type` declaration declares (single or grouped), read ahead without moving. */
  private typeNames(): string[] {
    if (!this.is('(')) return this.tok.kind === 'ident' ? [this.tok.text] : [];
    const names: string[] = [];
    const close = this.matching(this.i);
    let depth = 0;
    let lineStart = true;
    for (let j = this.i + 1; j < close; j++) {
      const t = this.tokens[j]!;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      if (depth === 0 && lineStart && t.kind === 'ident') names.push(t.text);
      lineStart = depth === 0 && t.kind === 'op' && t.text === ';';
    }
    return names;
  }

  /** A `type` declaration (single or grouped): its body is skipped; types carry no schema. */
  private skipDeclaration(): void {
    if (this.is('(')) {
      this.skipBalanced();
      return;
    }
    while (this.tok.kind !== 'eof' && !this.is(';')) {
      if (this.is('(') || this.is('[') || this.is('{')) this.skipBalanced();
      else this.i++;
    }
  }

  private valueSpecs(isConst: boolean): ValueSpec[] {
    const specs: ValueSpec[] = [];
    if (!this.accept('(')) {
      specs.push(...this.valueSpec(0, undefined).specs);
      return specs;
    }
    let iota = 0;
    let previous: Expr[] | undefined;
    while (!this.accept(')')) {
      const { specs: read, values } = this.valueSpec(iota, isConst ? previous : undefined);
      if (values.length) previous = values;
      specs.push(...read);
      iota++;
      this.skipSemicolons();
    }
    return specs;
  }

  /** `a, b T = x, y`; a constant without values repeats the previous list (with the new iota). */
  private valueSpec(iota: number, previous: Expr[] | undefined): { specs: ValueSpec[]; values: Expr[] } {
    const names = [this.ident()];
    while (this.accept(',')) names.push(this.ident());
    if (!this.is('=') && !this.is(';') && !this.is(')')) this.type();
    let values: Expr[] = [];
    if (this.accept('=')) values = this.exprList();
    const used = values.length ? values : previous ?? [];
    return { specs: names.map((name, k) => ({ name, value: used[k], iota })), values };
  }

  private funcDecl(): FuncDecl {
    this.expect('func');
    let receiver: string | undefined;
    if (this.is('(')) {
      const close = this.matching(this.i);
      const names = this.tokens.slice(this.i + 1, close).filter((t) => t.kind === 'ident').map((t) => t.text);
      receiver = names[names.length - 1];
      this.i = close + 1;
    }
    const name = this.ident();
    if (this.is('[')) this.skipBalanced(); // type parameters
    const params = this.params();
    const results = this.results();
    const body = this.is('{') ? this.block() : [];
    return { name, receiver, params, results, body, file: this.path };
  }

  private matching(open: number): number {
    let depth = 0;
    for (let j = open; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== 'op') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      if (depth === 0) return j;
    }
    throw new GoSyntaxError('unbalanced brackets', this.tokens[open]!.pos);
  }

  /**
   * A parameter list. Only names (and a trailing `...`) matter here: entries are split at top-level
   * commas; `a, b int` names both; a list of bare types names nothing.
   */
  private params(): Param[] {
    const close = this.matching(this.i);
    const entries: Token[][] = [[]];
    let depth = 0;
    for (let j = this.i + 1; j < close; j++) {
      const t = this.tokens[j]!;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      if (depth === 0 && t.kind === 'op' && t.text === ',') entries.push([]);
      else entries[entries.length - 1]!.push(t);
    }
    this.i = close + 1;
    const filled = entries.filter((e) => e.length > 0);
    const named = filled.some((e) => e.length > 1 && e[0]!.kind === 'ident' && e[1]!.text !== '.');
    return filled.map((e) => ({
      name: named ? e[0]!.text : undefined,
      variadic: e.some((t) => t.text === '...'),
    }));
  }

  private results(): Param[] {
    if (this.is('(')) return this.params();
    if (this.is('{') || this.is(';') || this.is(')') || this.is(',') || this.is('}') || this.is(']')) return [];
    this.type();
    return [{ variadic: false }];
  }

  // ---- types ----------------------------------------------------------------------------------------

  private type(): TypeExpr {
    const t = this.tok;
    if (this.accept('*')) return { k: 'ptr', elem: this.type() };
    if (this.accept('(')) {
      const inner = this.type();
      this.expect(')');
      return inner;
    }
    if (this.accept('[')) {
      if (this.accept(']')) return { k: 'slice', elem: this.type() };
      if (!this.accept('...')) this.expr();
      this.expect(']');
      return { k: 'array', elem: this.type() };
    }
    if (this.accept('map')) {
      this.expect('[');
      const key = this.type();
      this.expect(']');
      return { k: 'map', key, elem: this.type() };
    }
    if (this.accept('chan')) {
      this.accept('<-');
      return { k: 'chan', elem: this.type() };
    }
    if (this.is('<-') && this.peek().text === 'chan') {
      this.i += 2;
      return { k: 'chan', elem: this.type() };
    }
    if (this.accept('func')) {
      this.params();
      this.results();
      return { k: 'func' };
    }
    if (this.accept('struct')) {
      this.skipBalanced();
      return { k: 'struct' };
    }
    if (this.accept('interface')) {
      this.skipBalanced();
      return { k: 'interface' };
    }
    if (t.kind === 'ident') {
      this.i++;
      let pkg: string | undefined;
      let name = t.text;
      if (this.is('.') && this.peek().kind === 'ident') {
        this.i++;
        pkg = name;
        name = this.ident();
      }
      let args: TypeExpr[] | undefined;
      if (this.is('[') && !(this.peek().text === ']')) {
        this.i++;
        args = [this.type()];
        while (this.accept(',')) args.push(this.type());
        this.expect(']');
      }
      return { k: 'name', pkg, name, args };
    }
    throw new GoSyntaxError(`expected type, found ${t.text || t.kind}`, t.pos);
  }

  /** Whether the current token starts a type that cannot be an expression (`[]T`, `map[…]`, `*T` aside). */
  private startsTypeLiteral(): boolean {
    return this.is('[') || this.is('map') || this.is('struct') || this.is('interface') || this.is('chan');
  }

  // ---- statements -----------------------------------------------------------------------------------

  private block(): Stmt[] {
    this.expect('{');
    const saved = this.noLiteral;
    this.noLiteral = 0;
    const body: Stmt[] = [];
    this.skipSemicolons();
    while (!this.is('}')) {
      body.push(this.statement());
      if (!this.is('}')) this.expect(';');
      this.skipSemicolons();
    }
    this.expect('}');
    this.noLiteral = saved;
    return body;
  }

  private statement(): Stmt {
    const t = this.tok;
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'var':
        case 'const': {
          this.i++;
          // Declared in the enclosing scope, like an assignment (not in a block of their own).
          const specs = this.valueSpecs(t.text === 'const');
          return { k: 'var', names: specs.map((s) => s.name), values: specs.map((s) => s.value) };
        }
        case 'type':
          this.i++;
          this.skipDeclaration();
          return { k: 'skip' };
        case 'return':
          this.i++;
          return { k: 'return', values: this.is(';') || this.is('}') ? [] : this.exprList() };
        case 'if':
          return this.ifStatement();
        case 'for':
          return this.forStatement();
        case 'switch':
          return this.switchStatement();
        case 'select':
          this.i++;
          this.skipBalanced();
          return { k: 'skip' };
        case 'go':
        case 'defer':
          this.i++;
          this.expr();
          return { k: 'skip' };
        case 'break':
        case 'continue':
        case 'goto':
        case 'fallthrough':
          this.i++;
          if (this.tok.kind === 'ident') this.i++;
          return { k: 'branch', word: t.text };
      }
    }
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (this.is(';')) return { k: 'skip' };
    if (t.kind === 'ident' && this.peek().text === ':' && this.peek().kind === 'op') {
      this.i += 2; // a label
      this.skipSemicolons();
      return this.is('}') ? { k: 'skip' } : this.statement();
    }
    return this.simpleStatement();
  }

  private simpleStatement(): Stmt {
    const lhs = this.exprList();
    const t = this.tok;
    if (t.kind === 'op' && ASSIGN_OPS.has(t.text)) {
      this.i++;
      if (this.is('range')) {
        this.i++;
        return { k: 'range', key: lhs[0], value: lhs[1], define: t.text === ':=', x: this.expr(), body: [] };
      }
      return { k: 'assign', op: t.text, lhs, rhs: this.exprList() };
    }
    if (this.is('++') || this.is('--')) {
      this.i++;
      return { k: 'incdec', op: t.text, x: lhs[0]! };
    }
    if (this.is('<-')) {
      this.i++;
      this.expr();
      return { k: 'skip' };
    }
    return { k: 'expr', x: lhs[0]! };
  }

  private header<T>(read: () => T): T {
    this.noLiteral++;
    try {
      return read();
    } finally {
      this.noLiteral--;
    }
  }

  private ifStatement(): Stmt {
    this.expect('if');
    const { init, cond } = this.header(() => {
      let init: Stmt | undefined;
      let cond: Expr;
      const first = this.simpleStatement();
      if (this.accept(';')) {
        init = first;
        cond = this.expr();
      } else {
        if (first.k !== 'expr') throw new GoSyntaxError('expected condition', this.tok.pos);
        cond = first.x;
      }
      return { init, cond };
    });
    const then = this.block();
    let otherwise: Stmt[] | undefined;
    if (this.accept('else')) otherwise = this.is('if') ? [this.ifStatement()] : this.block();
    return { k: 'if', init, cond, then, else: otherwise };
  }

  private forStatement(): Stmt {
    this.expect('for');
    if (this.is('{')) return { k: 'for', body: this.block() };
    const head = this.header((): Stmt => {
      if (this.accept('range')) return { k: 'range', define: false, x: this.expr(), body: [] };
      const first = this.is(';') ? undefined : this.simpleStatement();
      if (first?.k === 'range') return first;
      if (!this.accept(';')) {
        if (first?.k !== 'expr') throw new GoSyntaxError('expected for condition', this.tok.pos);
        return { k: 'for', cond: first.x, body: [] };
      }
      const cond = this.is(';') ? undefined : this.expr();
      this.expect(';');
      const post = this.is('{') ? undefined : this.simpleStatement();
      return { k: 'for', init: first, cond, post, body: [] };
    });
    const body = this.block();
    return { ...head, body } as Stmt;
  }

  private switchStatement(): Stmt {
    this.expect('switch');
    const { init, tag } = this.header(() => {
      let init: Stmt | undefined;
      let tag: Expr | undefined;
      if (!this.is('{')) {
        const first = this.is(';') ? undefined : this.simpleStatement();
        if (this.accept(';')) {
          init = first;
          if (!this.is('{')) {
            const second = this.simpleStatement();
            tag = second.k === 'expr' ? second.x : second.k === 'assign' ? second.rhs[0] : undefined;
          }
        } else tag = first?.k === 'expr' ? first.x : first?.k === 'assign' ? first.rhs[0] : undefined;
      }
      return { init, tag };
    });
    const typeSwitch = tag?.k === 'assert' && !tag.type;
    this.expect('{');
    const clauses: Clause[] = [];
    this.skipSemicolons();
    while (!this.accept('}')) {
      let exprs: Expr[] | undefined;
      if (this.accept('default')) exprs = undefined;
      else {
        this.expect('case');
        exprs = typeSwitch ? this.typeList() : this.exprList();
      }
      this.expect(':');
      const body: Stmt[] = [];
      this.skipSemicolons();
      while (!this.is('case') && !this.is('default') && !this.is('}')) {
        body.push(this.statement());
        if (!this.is('}')) this.expect(';');
        this.skipSemicolons();
      }
      clauses.push({ exprs, body });
    }
    return { k: 'switch', init, tag, clauses, typeSwitch };
  }

  private typeList(): Expr[] {
    const out: Expr[] = [{ k: 'type', type: this.type() }];
    while (this.accept(',')) out.push({ k: 'type', type: this.type() });
    return out;
  }

  // ---- expressions ----------------------------------------------------------------------------------

  private exprList(): Expr[] {
    const out = [this.expr()];
    while (this.accept(',')) out.push(this.expr());
    return out;
  }

  expr(precedence = 1): Expr {
    let x = this.unary();
    for (;;) {
      const t = this.tok;
      const p = t.kind === 'op' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (p === undefined || p < precedence) return x;
      this.i++;
      const y = this.expr(p + 1);
      x = { k: 'binary', op: t.text, x, y };
    }
  }

  private unary(): Expr {
    const t = this.tok;
    if (t.kind === 'op' && ['+', '-', '!', '^', '*', '&', '<-'].includes(t.text)) {
      this.i++;
      return { k: 'unary', op: t.text, x: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    let x = this.operand();
    for (;;) {
      if (this.accept('.')) {
        if (this.accept('(')) {
          if (this.accept('type')) {
            this.expect(')');
            x = { k: 'assert', x };
          } else {
            const type = this.type();
            this.expect(')');
            x = { k: 'assert', x, type };
          }
        } else x = { k: 'sel', x, name: this.ident() };
      } else if (this.is('(')) {
        x = this.call(x);
      } else if (this.is('[')) {
        x = this.indexOrSlice(x);
      } else if (this.is('{') && this.noLiteral === 0 && isTypeLike(x)) {
        x = { k: 'composite', type: exprToType(x), elts: this.elements() };
      } else return x;
    }
  }

  private call(fn: Expr): Expr {
    this.expect('(');
    const saved = this.noLiteral;
    this.noLiteral = 0;
    const args: Expr[] = [];
    let spread = false;
    while (!this.is(')')) {
      args.push(this.startsTypeLiteral() && this.isConversionType() ? { k: 'type', type: this.type() } : this.expr());
      if (this.accept('...')) spread = true;
      if (!this.accept(',')) break;
    }
    this.expect(')');
    this.noLiteral = saved;
    return { k: 'call', fn, args, spread };
  }

  /** In `make([]T, n)` or `make(map[K]V)` the first argument is a bare type: neither `[]T{…}` nor `[]T(x)`. */
  private isConversionType(): boolean {
    const save = this.i;
    try {
      this.type();
      return this.is(',') || this.is(')');
    } catch {
      return false;
    } finally {
      this.i = save;
    }
  }

  private indexOrSlice(x: Expr): Expr {
    this.expect('[');
    const saved = this.noLiteral;
    this.noLiteral = 0;
    let result: Expr;
    if (this.accept(':')) {
      const hi = this.is(']') ? undefined : this.expr();
      result = { k: 'slice', x, hi };
    } else {
      const first = this.expr();
      if (this.accept(':')) {
        const hi = this.is(']') ? undefined : this.expr();
        result = { k: 'slice', x, lo: first, hi };
      } else {
        const index = [first];
        while (this.accept(',')) index.push(this.expr());
        result = { k: 'index', x, index };
      }
    }
    this.expect(']');
    this.noLiteral = saved;
    return result;
  }

  private operand(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'string':
        this.i++;
        return { k: 'string', value: t.text };
      case 'int':
        this.i++;
        return { k: 'int', value: parseGoInt(t.text) };
      case 'float':
        this.i++;
        return { k: 'float', value: Number(t.text.replace(/_/g, '')) };
      case 'rune':
        this.i++;
        return { k: 'rune', value: t.text.codePointAt(0) ?? 0 };
      case 'imag':
        this.i++;
        return { k: 'float', value: NaN };
      case 'ident':
        this.i++;
        return { k: 'ident', name: t.text };
    }
    if (this.accept('(')) {
      const saved = this.noLiteral;
      this.noLiteral = 0;
      const inner = this.expr();
      this.expect(')');
      this.noLiteral = saved;
      return inner;
    }
    if (this.is('func')) {
      const start = t.pos;
      this.i++;
      const params = this.params();
      const results = this.results();
      if (!this.is('{')) return { k: 'type', type: { k: 'func' } };
      const body = this.block();
      return { k: 'func', params, results, body, start, end: this.peek(-1).pos + 1 };
    }
    if (this.startsTypeLiteral() || this.is('*')) {
      const type = this.type();
      if (this.is('{')) return { k: 'composite', type, elts: this.elements() };
      return { k: 'type', type };
    }
    if (this.is('{')) {
      // An element of a composite literal whose type is elided.
      return { k: 'composite', elts: this.elements() };
    }
    throw new GoSyntaxError(`unexpected ${t.text || t.kind}`, t.pos);
  }

  private elements(): Element[] {
    this.expect('{');
    const saved = this.noLiteral;
    this.noLiteral = 0;
    const elts: Element[] = [];
    this.skipSemicolons();
    while (!this.is('}')) {
      const first = this.is('{') ? ({ k: 'composite', elts: this.elements() } as Expr) : this.expr();
      if (this.accept(':')) {
        const value = this.is('{') ? ({ k: 'composite', elts: this.elements() } as Expr) : this.expr();
        elts.push({ key: first, value });
      } else elts.push({ value: first });
      this.skipSemicolons();
      if (!this.accept(',')) break;
      this.skipSemicolons();
    }
    this.skipSemicolons();
    this.expect('}');
    this.noLiteral = saved;
    return elts;
  }
}

function isTypeLike(x: Expr): boolean {
  if (x.k === 'ident') return true;
  if (x.k === 'sel') return x.x.k === 'ident';
  if (x.k === 'index') return isTypeLike(x.x);
  return x.k === 'type';
}

function exprToType(x: Expr): TypeExpr {
  if (x.k === 'ident') return { k: 'name', name: x.name };
  if (x.k === 'sel' && x.x.k === 'ident') return { k: 'name', pkg: x.x.name, name: x.name };
  if (x.k === 'index') return exprToType(x.x);
  if (x.k === 'type') return x.type;
  throw new GoSyntaxError('not a type', 0);
}

function parseGoInt(text: string): number {
  const clean = text.replace(/_/g, '');
  if (/^0[xX]/.test(clean)) return parseInt(clean.slice(2), 16);
  if (/^0[bB]/.test(clean)) return parseInt(clean.slice(2), 2);
  if (/^0[oO]/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0[0-7]+$/.test(clean)) return parseInt(clean.slice(1), 8);
  return Number(clean);
}
