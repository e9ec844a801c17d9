/** The Go parser's expressions (see parser.ts); a function literal's body is a block, read by the next layer. */
import type { Element, Expr, Stmt, TypeExpr } from './ast';
import { GoSyntaxError } from './lexer';
import { TypeParser } from './typeParser';

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};

export abstract class ExpressionParser extends TypeParser {
  /** Above zero inside the header of `if`, `for` and `switch`, where `T {` opens the body, not a literal. */
  protected noLiteral = 0;

  protected abstract block(): Stmt[];

  protected exprList(): Expr[] {
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

  protected unary(): Expr {
    const t = this.tok;
    if (t.kind === 'op' && ['+', '-', '!', '^', '*', '&', '<-'].includes(t.text)) {
      this.i++;
      return { k: 'unary', op: t.text, x: this.unary() };
    }
    return this.primary();
  }

  protected primary(): Expr {
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

  protected call(fn: Expr): Expr {
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
  protected isConversionType(): boolean {
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

  protected indexOrSlice(x: Expr): Expr {
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

  protected operand(): Expr {
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

  protected elements(): Element[] {
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
