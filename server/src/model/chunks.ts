/**
 * Where a file's top-level statements begin, found by a lexical scan (no parse).
 *
 * The document model parses each top-level statement (with the comments above it) as its own tree-sitter
 * range. A keystroke then re-parses one statement, and the error recovery for half-typed text stays inside
 * that statement instead of running over the rest of the file (which costs several full parses).
 *
 * A boundary is the start of a line that begins, in its first column, with something other than
 * white space or a closing bracket, where the scan is at nesting depth 0 and outside any string,
 * heredoc, template interpolation or comment. Between boundaries the scanner's state is always empty, so
 * a boundary depends only on the text before it and the first character of its line: after an edit,
 * every boundary before the edited line and every boundary after the point where the new scan meets the
 * old boundaries again stays where it was (shifted by the edit's length).
 */

const enum Ch {
  LF = 10,
  CR = 13,
  Space = 32,
  Tab = 9,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Minus = 45,
  Slash = 47,
  Lt = 60,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  LBrace = 123,
  RBrace = 125,
}

/** What the scanner is inside of, innermost last. */
type Frame =
  /** An expression inside `${ … }` / `%{ … }` of a string or heredoc: its own bracket depth. */
  | { kind: 'interp'; depth: number }
  | { kind: 'string' }
  | { kind: 'heredoc'; marker: string; atLineStart: boolean };

function isBoundaryStart(code: number): boolean {
  return !(
    code === Ch.Space ||
    code === Ch.Tab ||
    code === Ch.LF ||
    code === Ch.CR ||
    code === Ch.RBrace ||
    code === Ch.RBracket ||
    code === Ch.RParen ||
    Number.isNaN(code)
  );
}

const HEREDOC_MARKER = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/**
 * The offsets where top-level statements start, from `from` (which must be 0 or a boundary) on. The first
 * offset returned is always `from`. `stopAt(offset)` may end the scan early at a boundary (returning
 * true): the caller has recognised it as an unchanged boundary.
 */
export function chunkStarts(text: string, from = 0, stopAt?: (offset: number) => boolean): number[] {
  const starts = [from];
  const stack: Frame[] = [];
  let depth = 0;
  /** Whether the chunk so far holds more than comments and blank lines (comments join the statement below). */
  let sawCode = false;
  const n = text.length;
  let i = from;

  /** At a line start (offset `i`): record a boundary if the state allows one. Returns true to stop. */
  const lineStart = (): boolean => {
    if (i >= n || depth !== 0 || stack.length !== 0 || !isBoundaryStart(text.charCodeAt(i))) return false;
    if (i === starts[starts.length - 1] || !sawCode) return false;
    sawCode = false;
    if (stopAt?.(i)) {
      starts.push(i);
      return true;
    }
    starts.push(i);
    return false;
  };

  while (i < n) {
    const top = stack[stack.length - 1];
    const c = text.charCodeAt(i);

    if (top?.kind === 'string') {
      if (c === Ch.Backslash) i += 2;
      else if (c === Ch.Quote) {
        stack.pop();
        i++;
      } else if ((c === Ch.Dollar || c === Ch.Percent) && text.charCodeAt(i + 1) === Ch.LBrace) {
        if (text.charCodeAt(i - 1) === c && text.charCodeAt(i - 2) !== c) i += 2; // `$${` / `%%{`: literal
        else {
          stack.push({ kind: 'interp', depth: 0 });
          i += 2;
        }
      } else if (c === Ch.LF) {
        // A quoted string cannot span lines: the parser ends it here (with an error); so does the scan.
        stack.pop();
        i++;
        if (lineStart()) break;
      } else i++;
      continue;
    }

    if (top?.kind === 'heredoc') {
      // At the start of a heredoc line: is it the closing marker?
      let j = i;
      while (top.atLineStart && (text.charCodeAt(j) === Ch.Space || text.charCodeAt(j) === Ch.Tab)) j++;
      if (top.atLineStart && text.startsWith(top.marker, j)) {
        const after = j + top.marker.length;
        const next = text.charCodeAt(after);
        if (after >= n || next === Ch.LF || next === Ch.CR) {
          stack.pop();
          i = after;
          continue;
        }
      }
      // Otherwise scan the line for interpolations, up to its end.
      let k = i;
      let interpolation = false;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === Ch.LF) break;
        if ((d === Ch.Dollar || d === Ch.Percent) && text.charCodeAt(k + 1) === Ch.LBrace) {
          if (text.charCodeAt(k - 1) === d && text.charCodeAt(k - 2) !== d) {
            k += 2;
            continue;
          }
          stack.push({ kind: 'interp', depth: 0 });
          i = k + 2;
          top.atLineStart = false;
          interpolation = true;
          break;
        }
        k++;
      }
      if (interpolation) continue;
      top.atLineStart = true;
      i = k + 1; // past the newline: the next heredoc line
      continue;
    }

    // Code: the top level, or an interpolation.
    switch (c) {
      case Ch.LF:
        i++;
        if (lineStart()) return starts;
        continue;
      case Ch.Hash:
        i = lineEnd(text, i);
        continue;
      case Ch.Slash:
        if (text.charCodeAt(i + 1) === Ch.Slash) {
          i = lineEnd(text, i);
          continue;
        }
        if (text.charCodeAt(i + 1) === Ch.Star) {
          const close = text.indexOf('*/', i + 2);
          const end = close < 0 ? n : close + 2;
          // A block comment may span lines; a line start inside it is never a boundary.
          i = end;
          continue;
        }
        i++;
        continue;
      case Ch.Quote:
        sawCode = true;
        stack.push({ kind: 'string' });
        i++;
        continue;
      case Ch.Lt: {
        HEREDOC_MARKER.lastIndex = i;
        const m = HEREDOC_MARKER.exec(text);
        if (m) {
          stack.push({ kind: 'heredoc', marker: m[1], atLineStart: true });
          sawCode = true;
          i = HEREDOC_MARKER.lastIndex;
          continue;
        }
        i++;
        continue;
      }
      case Ch.LBrace:
      case Ch.LBracket:
      case Ch.LParen:
        sawCode = true;
        if (top?.kind === 'interp') top.depth++;
        else depth++;
        i++;
        continue;
      case Ch.RBrace:
        if (top?.kind === 'interp') {
          if (top.depth === 0) stack.pop();
          else top.depth--;
        } else if (depth > 0) depth--;
        i++;
        continue;
      case Ch.RBracket:
      case Ch.RParen:
        if (top?.kind === 'interp') {
          if (top.depth > 0) top.depth--;
        } else if (depth > 0) depth--;
        i++;
        continue;
      case Ch.Space:
      case Ch.Tab:
      case Ch.CR:
        i++;
        continue;
      default:
        sawCode = true;
        i++;
    }
  }
  return starts;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}
