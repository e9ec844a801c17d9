/**
 * The Go parser's statements (see parser.ts), with the `var`, `const` and `type` declarations that appear
 * both inside functions and at the top level.
 */
import type { Clause, Expr, Stmt, ValueSpec } from './ast';
import { GoSyntaxError } from './lexer';
import { ExpressionParser } from './expressionParser';

const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);

export abstract class StatementParser extends ExpressionParser {
  protected block(): Stmt[] {
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

  protected statement(): Stmt {
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

  protected simpleStatement(): Stmt {
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

  protected header<T>(read: () => T): T {
    this.noLiteral++;
    try {
      return read();
    } finally {
      this.noLiteral--;
    }
  }

  protected ifStatement(): Stmt {
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

  protected forStatement(): Stmt {
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

  protected switchStatement(): Stmt {
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

  protected typeList(): Expr[] {
    const out: Expr[] = [{ k: 'type', type: this.type() }];
    while (this.accept(',')) out.push({ k: 'type', type: this.type() });
    return out;
  }

  /** A `type` declaration (single or grouped): its body is skipped; types carry no schema. */
  protected skipDeclaration(): void {
    if (this.is('(')) {
      this.skipBalanced();
      return;
    }
    while (this.tok.kind !== 'eof' && !this.is(';')) {
      if (this.is('(') || this.is('[') || this.is('{')) this.skipBalanced();
      else this.i++;
    }
  }

  protected valueSpecs(isConst: boolean): ValueSpec[] {
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
  protected valueSpec(iota: number, previous: Expr[] | undefined): { specs: ValueSpec[]; values: Expr[] } {
    const names = [this.ident()];
    while (this.accept(',')) names.push(this.ident());
    if (!this.is('=') && !this.is(';') && !this.is(')')) this.type();
    let values: Expr[] = [];
    if (this.accept('=')) values = this.exprList();
    const used = values.length ? values : previous ?? [];
    return { specs: names.map((name, k) => ({ name, value: used[k], iota })), values };
  }
}
