/** The Go parser's types and function signatures (see parser.ts); an array length is an expression, read by the next layer. */
import type { Expr, Param, TypeExpr } from './ast';
import { GoSyntaxError, Token } from './lexer';
import { GoTokenCursor } from './tokenCursor';

export abstract class TypeParser extends GoTokenCursor {
  abstract expr(precedence?: number): Expr;

  /**
   * A parameter list. Only names (and a trailing `...`) matter here: entries are split at top-level
   * commas; `a, b int` names both; a list of bare types names nothing.
   */
  protected params(): Param[] {
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

  protected results(): Param[] {
    if (this.is('(')) return this.params();
    if (this.is('{') || this.is(';') || this.is(')') || this.is(',') || this.is('}') || this.is(']')) return [];
    this.type();
    return [{ variadic: false }];
  }

  protected type(): TypeExpr {
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
  protected startsTypeLiteral(): boolean {
    return this.is('[') || this.is('map') || this.is('struct') || this.is('interface') || this.is('chan');
  }
}
