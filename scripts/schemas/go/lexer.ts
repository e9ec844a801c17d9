/**
 * A lexer for Go source, enough of the language specification for the provider schema files: identifiers,
 * keywords, numbers, runes, interpreted and raw strings, operators, comments (dropped), and the automatic
 * semicolons the specification inserts at line ends.
 */

export type TokenKind = 'ident' | 'keyword' | 'int' | 'float' | 'imag' | 'rune' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text; for strings and runes the decoded value. */
  text: string;
  /** Offset of the token in the source. */
  pos: number;
}

const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

/** Longest first, so that `<<=` wins over `<<` and `<`. */
const OPERATORS = [
  '<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '<<', '>>', '&^', '~', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '(', ')', '[', ']',
  '{', '}', ',', ';', '.', ':',
];

const ENDS_STATEMENT = new Set(['break', 'continue', 'fallthrough', 'return']);

export class GoSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  const needsSemicolon = (): boolean => {
    const last = tokens[tokens.length - 1];
    if (!last) return false;
    if (last.kind === 'ident' || last.kind === 'int' || last.kind === 'float' || last.kind === 'imag' || last.kind === 'rune' || last.kind === 'string') return true;
    if (last.kind === 'keyword') return ENDS_STATEMENT.has(last.text);
    return last.kind === 'op' && (last.text === '++' || last.text === '--' || last.text === ')' || last.text === ']' || last.text === '}');
  };
  const newline = (pos: number) => {
    if (needsSemicolon()) tokens.push({ kind: 'op', text: ';', pos });
  };
  while (i < n) {
    const c = source[i]!;
    if (c === '\n') {
      newline(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new GoSyntaxError('unterminated comment', i);
      if (source.slice(i, end).includes('\n')) newline(i);
      i = end + 2;
      continue;
    }
    if (/[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127) {
      let j = i + 1;
      while (j < n && (/[A-Za-z0-9_]/.test(source[j]!) || source.charCodeAt(j) > 127)) j++;
      const word = source.slice(i, j);
      tokens.push({ kind: KEYWORDS.has(word) ? 'keyword' : 'ident', text: word, pos: i });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(source.slice(i, i + 64));
      const text = m?.[0] ?? c;
      const kind: TokenKind = text.endsWith('i') ? 'imag' : /^0[xXbBoO]/.test(text) || !/[.eE]/.test(text) ? 'int' : 'float';
      tokens.push({ kind, text, pos: i });
      i += text.length;
      continue;
    }
    if (c === '"') {
      const { value, end } = readInterpreted(source, i, '"');
      tokens.push({ kind: 'string', text: value, pos: i });
      i = end;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw new GoSyntaxError('unterminated raw string', i);
      tokens.push({ kind: 'string', text: source.slice(i + 1, end).replace(/\r/g, ''), pos: i });
      i = end + 1;
      continue;
    }
    if (c === "'") {
      const { value, end } = readInterpreted(source, i, "'");
      tokens.push({ kind: 'rune', text: value, pos: i });
      i = end;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new GoSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
    tokens.push({ kind: 'op', text: op, pos: i });
    i += op.length;
  }
  newline(n);
  tokens.push({ kind: 'eof', text: '', pos: n });
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

function readInterpreted(source: string, start: number, quote: string): { value: string; end: number } {
  let out = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === quote) return { value: out, end: i + 1 };
    if (c === '\n') break;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = source[i + 1]!;
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(source.slice(i + 2, i + 2 + len), 16));
      i += 2 + len;
    } else if (/[0-7]/.test(e)) {
      out += String.fromCharCode(parseInt(source.slice(i + 1, i + 4), 8));
      i += 4;
    } else {
      throw new GoSyntaxError(`unknown escape \\${e}`, i);
    }
  }
  throw new GoSyntaxError('unterminated string', start);
}
