/** What the server and the CLI do not analyse, and why: files too large, too deep, with lines too long, or not text. */

/** Files larger than this are not parsed: the server and the CLI report that once instead of freezing. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type SkipReason =
  | { kind: 'too-large'; size: number }
  | { kind: 'too-deep'; depth: number }
  | { kind: 'long-line'; line: number; length: number }
  | { kind: 'unreadable'; error: string }
  | { kind: 'binary' };

/**
 * Templates nest a dozen levels and keep lines short; text far past these limits is generated or broken,
 * and analysing it would cost seconds per keystroke (tree-sitter nodes are reached from the root, so
 * every step is paid once per level). Such a file gets one info diagnostic instead.
 */
export const MAX_NESTING_DEPTH = 100;
export const MAX_LINE_LENGTH = 20_000;

/** Why a text is not analysed (too large, too deeply nested, a line too long), or undefined. */
export function classifyText(text: string): SkipReason | undefined {
  if (text.length > MAX_FILE_BYTES) return { kind: 'too-large', size: text.length };
  // Brackets nest; so do chains of `!` (each a unary operator around the rest) and of `?` on one line
  // (each conditional holds the next one).
  let depth = 0;
  let deepest = 0;
  let lineStart = 0;
  let line = 0;
  let negations = 0;
  let conditionals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91 || c === 40) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93 || c === 41) {
      if (depth > 0) depth--;
    } else if (c === 10 || c === 13) {
      if (i - lineStart > MAX_LINE_LENGTH) return { kind: 'long-line', line: line + 1, length: i - lineStart };
      lineStart = i + 1;
      line++;
      conditionals = 0;
    } else if (c === 33) {
      if (++negations > deepest) deepest = negations;
      continue;
    } else if (c === 63) {
      if (++conditionals > deepest) deepest = conditionals;
    }
    if (c !== 32 && c !== 9) negations = 0;
  }
  if (text.length - lineStart > MAX_LINE_LENGTH) return { kind: 'long-line', line: line + 1, length: text.length - lineStart };
  if (deepest > MAX_NESTING_DEPTH) return { kind: 'too-deep', depth: deepest };
  return undefined;
}

/** UTF-8 text, or undefined for binary content (NUL bytes or invalid UTF-8). */
export function decode(buffer: Buffer): string | undefined {
  if (buffer.includes(0)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

export function describeSkip(reason: SkipReason): string {
  switch (reason.kind) {
    case 'too-large':
      return `This file is ${(reason.size / 1024 / 1024).toFixed(1)} MB, above the ${MAX_FILE_BYTES / 1024 / 1024} MB that coder-dind analyses; it is not linted.`;
    case 'too-deep':
      return `Brackets or operators in this file nest ${reason.depth} levels deep, past the ${MAX_NESTING_DEPTH} that coder-dind analyses (templates nest a dozen); it is not linted.`;
    case 'long-line':
      return `Line ${reason.line} of this file is ${reason.length.toLocaleString('en')} characters long, past the ${MAX_LINE_LENGTH.toLocaleString('en')} that coder-dind analyses; it is not linted.`;
    case 'binary':
      return 'This file is not UTF-8 text (it holds NUL bytes or invalid UTF-8); Terraform cannot read it either.';
    case 'unreadable':
      return `This file cannot be read: ${reason.error}`;
  }
}
