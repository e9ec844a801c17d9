import type { Rng } from './prng';

/**
 * Mutators: each turns a template text into a hostile variant. They work on strings, except `byte-flip`,
 * which works on the UTF-8 bytes and may leave invalid UTF-8 (the CLI reads those bytes; the server
 * gets what an editor would decode).
 */
export type Mutator = (text: string, rng: Rng, others: readonly string[]) => string;

const TOKEN = /"(?:[^"\\\n]|\\.)*"|<<-?[A-Za-z_]+|\$\{|%\{|[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|[\s\S]/gu;

export function tokens(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}

/**
 * Block boundaries, where a half-typed file ends: right after a `{` that ends its line (a block or an
 * object opens), right after a `}` that starts its line (one closes), and at the start of each
 * top-level block. Braces of `${…}` interpolations are not block boundaries.
 */
export function blockBoundaries(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(/\{[ \t]*(?=\r?\n|$)/g)) out.add(m.index! + 1);
  for (const m of text.matchAll(/^[ \t]*\}/gm)) out.add(m.index! + m[0].length);
  for (const m of text.matchAll(/^[a-z]/gm)) out.add(m.index!);
  return [...out].sort((a, b) => a - b);
}

const insertAt = (text: string, at: number, s: string) => text.slice(0, at) + s + text.slice(at);
const randomOffset = (text: string, rng: Rng) => rng.int(text.length + 1);

/** A code-point boundary near `at`, so that string mutators do not split surrogate pairs by accident. */
function safe(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}

const UNICODE = [
  '\u{1F600}', '\u{1F9D1}\u200D\u{1F4BB}', '\u{1D518}', '\u{10FFFD}', // astral, ZWJ sequence
  'e\u0301', '\u0301\u0301\u0301\u0301', 'a\u20DD', // combining marks, also leading
  '\u202E', '\u200F', '\u202B\u05E9\u05DC\u05D5\u05DD\u202C', '\u0645\u0631\u062D\u0628\u0627', // RTL
  '\uFEFF', // BOM (mid-file; at offset 0 below)
  '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', // separators some tools treat as line breaks
  '\u00A0', '\u3000', '\u200B', // odd spaces
  '\uD800', '\uDFFF', // lone surrogates
  '\uFFFD', '\uFFFF', 'İ', 'ß', 'ﬁ', // case-mapping oddities
];

export const MUTATORS: Record<string, Mutator> = {
  'token-delete': (text, rng) => {
    const toks = tokens(text);
    if (!toks.length) return text;
    let out = text;
    const picks = Array.from({ length: rng.range(1, 3) }, () => rng.pick(toks)).sort((a, b) => b.start - a.start);
    let last = Infinity;
    for (const t of picks) {
      if (t.end > last) continue;
      out = out.slice(0, t.start) + out.slice(t.end);
      last = t.start;
    }
    return out;
  },
  'token-duplicate': (text, rng) => {
    const toks = tokens(text);
    if (!toks.length) return text;
    const i = rng.int(toks.length);
    const j = Math.min(toks.length - 1, i + rng.int(6));
    const chunk = text.slice(toks[i].start, toks[j].end);
    return insertAt(text, toks[j].end, chunk.repeat(rng.range(1, 3)));
  },
  truncate: (text, rng) => {
    const b = blockBoundaries(text);
    return b.length ? text.slice(0, rng.pick(b)) : text.slice(0, randomOffset(text, rng));
  },
  'unbalanced-braces': (text, rng) => {
    let out = text;
    for (let n = rng.range(1, 4); n > 0; n--) {
      if (rng.chance(0.4)) {
        const at = [...out.matchAll(/[{}[\]()]/g)].map((m) => m.index!);
        if (at.length) {
          const i = rng.pick(at);
          out = out.slice(0, i) + out.slice(i + 1);
          continue;
        }
      }
      out = insertAt(out, safe(out, randomOffset(out, rng)), rng.pick(['{', '}', '[', ']', '(', ')', '{\n', '\n}', '${', '%{']));
    }
    return out;
  },
  'unbalanced-quotes': (text, rng) => {
    let out = text;
    for (let n = rng.range(1, 3); n > 0; n--) {
      const quotes = [...out.matchAll(/"/g)].map((m) => m.index!);
      if (quotes.length && rng.chance(0.5)) {
        const i = rng.pick(quotes);
        out = out.slice(0, i) + out.slice(i + 1);
      } else out = insertAt(out, safe(out, randomOffset(out, rng)), rng.pick(['"', '"${', '\\', '"\\', "'", '`', '"%{ if ']));
    }
    return out;
  },
  'unterminated-heredoc': (text, rng) => {
    const markers = [...text.matchAll(/<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/g)];
    if (markers.length && rng.chance(0.7)) {
      const m = rng.pick(markers);
      const name = m[1];
      const end = new RegExp(`^[ \\t]*${name}[ \\t]*$`, 'm');
      const rest = text.slice(m.index! + m[0].length);
      const e = end.exec(rest);
      if (e) {
        const at = m.index! + m[0].length + e.index;
        // Remove the terminator, rename it, or indent it where `<<` (not `<<-`) needs it at column 0.
        return rng.pick([
          () => text.slice(0, at) + text.slice(at + e[0].length),
          () => text.slice(0, at) + `${name}X` + text.slice(at + e[0].length),
          () => text.slice(0, at) + `${e[0]} trailing` + text.slice(at + e[0].length),
        ])();
      }
    }
    const at = safe(text, randomOffset(text, rng));
    return insertAt(text, at, rng.pick(['x = <<EOT\n', '<<-EOF\n  echo hi\n', 'startup_script = <<EOT\n${', '<<', '<<EOF']));
  },
  unicode: (text, rng) => {
    let out = text;
    if (rng.chance(0.15)) out = '\uFEFF' + out;
    for (let n = rng.range(1, 5); n > 0; n--) {
      const s = rng.pick(UNICODE);
      out = insertAt(out, rng.chance(0.8) ? safe(out, randomOffset(out, rng)) : randomOffset(out, rng), s.repeat(rng.chance(0.1) ? rng.range(2, 200) : 1));
    }
    return out;
  },
  nul: (text, rng) => {
    let out = text;
    for (let n = rng.range(1, 3); n > 0; n--) out = insertAt(out, safe(out, randomOffset(out, rng)), '\0'.repeat(rng.range(1, 4)));
    return out;
  },
  'line-endings': (text, rng) =>
    rng.pick([
      () => text.replace(/\r?\n/g, '\r\n'),
      () => text.replace(/\r?\n/g, '\r'),
      () => text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r'])),
      () => text.replace(/\r?\n/g, () => (rng.chance(0.1) ? '\r' : '\n')),
    ])(),
  'long-line': (text, rng) => {
    const n = 100_000 + rng.int(2_000);
    const line = rng.pick([
      () => `long = "${'a'.repeat(n)}"`,
      () => `${'x'.repeat(n)} = 1`,
      () => `# ${'#'.repeat(n)}`,
      () => `list = [${'1, '.repeat(n / 3)}]`,
      () => `s = "${'${var.x}'.repeat(n / 8)}"`,
      () => `${'a.'.repeat(n / 2)}b`,
      () => 'é\u{1F600}'.repeat(n / 3),
    ])();
    const lines = text.split('\n');
    lines.splice(rng.int(lines.length + 1), 0, line);
    return lines.join('\n');
  },
  'deep-nesting': (text, rng) => {
    const d = 5_000;
    const nest = rng.pick([
      () => `deep = ${'['.repeat(d)}${']'.repeat(d)}\n`,
      () => `deep = ${'{a = '.repeat(d)}1${'}'.repeat(d)}\n`,
      () => `deep = ${'('.repeat(d)}1${')'.repeat(d)}\n`,
      () => `${'b {\n'.repeat(d)}${'}\n'.repeat(d)}`,
      () => `deep = "${'${"'.repeat(d)}x${'"}'.repeat(d)}"\n`,
      () => `deep = ${'['.repeat(d)}\n`, // never closed
      () => `${'b {'.repeat(d)}\n`,
      () => `deep = ${'!'.repeat(d)}true\n`,
      () => `deep = ${'a ? '.repeat(d)}1${' : 2'.repeat(d)}\n`,
    ])();
    const lines = text.split('\n');
    lines.splice(rng.int(lines.length + 1), 0, nest);
    return lines.join('\n');
  },
  splice: (text, rng, others) => {
    const other = rng.pick(others);
    const a = rng.int(other.length + 1);
    const chunk = other.slice(a, a + rng.range(1, 400));
    return insertAt(text, safe(text, randomOffset(text, rng)), chunk);
  },
  lines: (text, rng) => {
    const lines = text.split('\n');
    for (let n = rng.range(1, 4); n > 0 && lines.length; n--) {
      const i = rng.int(lines.length);
      rng.pick([
        () => lines.splice(i, 1),
        () => lines.splice(i, 0, lines[i]),
        () => lines.splice(rng.int(lines.length), 0, ...lines.splice(i, 1)),
        () => (lines[i] = lines[i].trimStart()),
      ])();
    }
    return lines.join('\n');
  },
};

/** Weights of the random mutators: the costly ones (100k-character lines, deep nesting) less often. */
export const MUTATOR_WEIGHTS: ReadonlyArray<readonly [number, string]> = [
  [10, 'token-delete'],
  [8, 'token-duplicate'],
  [6, 'truncate'],
  [8, 'unbalanced-braces'],
  [8, 'unbalanced-quotes'],
  [6, 'unterminated-heredoc'],
  [8, 'unicode'],
  [4, 'nul'],
  [5, 'line-endings'],
  [1, 'long-line'],
  [1, 'deep-nesting'],
  [5, 'splice'],
  [6, 'lines'],
  [6, 'byte-flip'],
];

/** Flips, replaces, inserts or deletes a few bytes of the UTF-8 encoding. */
export function byteFlip(bytes: Buffer, rng: Rng): Buffer {
  const out = [...bytes];
  for (let n = rng.range(1, 8); n > 0; n--) {
    const i = rng.int(out.length + 1);
    rng.pick([
      () => i < out.length && (out[i] ^= 1 << rng.int(8)),
      () => i < out.length && (out[i] = rng.int(256)),
      () => out.splice(i, 0, rng.pick([0x80, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 0x00, rng.int(256)])),
      () => out.splice(i, 1),
    ])();
  }
  return Buffer.from(out);
}
