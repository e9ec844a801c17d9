/**
 * The token cursor the Go parser's layers share (see parser.ts): where it stands in the token list, and the
 * small moves every layer makes (accept, expect, skip a bracket group, find a closing bracket).
 */
import { GoSyntaxError, Token } from './lexer';

export class GoTokenCursor {
  protected i = 0;

  constructor(
    protected readonly path: string,
    protected readonly tokens: Token[],
    protected readonly source: string,
  ) {}

  protected get tok(): Token {
    return this.tokens[this.i]!;
  }

  protected peek(offset = 1): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  protected is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }

  protected accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  protected expect(text: string): Token {
    if (!this.is(text)) throw new GoSyntaxError(`expected ${text}, found ${this.tok.text || this.tok.kind}`, this.tok.pos);
    return this.tokens[this.i++]!;
  }

  protected ident(): string {
    const t = this.tok;
    if (t.kind !== 'ident') throw new GoSyntaxError(`expected identifier, found ${t.text || t.kind}`, t.pos);
    this.i++;
    return t.text;
  }

  protected skipSemicolons(): void {
    while (this.accept(';'));
  }

  /** Skips a balanced bracket group starting at the current `(`, `[` or `{`. */
  protected skipBalanced(): void {
    let depth = 0;
    do {
      const t = this.tok;
      if (t.kind === 'eof') throw new GoSyntaxError('unbalanced brackets', t.pos);
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      this.i++;
    } while (depth > 0);
  }

  protected matching(open: number): number {
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

}
