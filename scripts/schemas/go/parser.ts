/**
 * A recursive-descent parser for the Go the provider schema files are written in: package-level
 * functions, variables and constants, and inside functions the statements and expressions that build
 * schemas. A declaration it cannot read is recorded in `failures` and skipped; the rest of the file is
 * still read.
 *
 * The parser is one class built in layers, each a file that extends the one below: tokenCursor.ts (moves
 * over tokens), typeParser.ts (types, signatures), expressionParser.ts, statementParser.ts, and here the
 * top-level declarations. One class keeps the mutual recursion (an expression holds a function body, a
 * statement holds expressions) as plain method calls while every file stays small.
 */
import type { FuncDecl, GoFile } from './ast';
import { GoSyntaxError, tokenize } from './lexer';
import { StatementParser } from './statementParser';

export function parseGoFile(path: string, source: string): GoFile {
  return new Parser(path, tokenize(source), source).file();
}

class Parser extends StatementParser {
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
  protected recover(): void {
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

  protected topLevel(out: GoFile): void {
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

  protected importSpec(out: GoFile): void {
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
  protected typeNames(): string[] {
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


  protected funcDecl(): FuncDecl {
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
}
