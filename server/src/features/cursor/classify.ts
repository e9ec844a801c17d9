import { Frame, HEADER, IDENT, Statement } from './frames';
import type { CursorPosition } from './position';

/** What the cursor is in, from the scanner's state where it stopped. */
export function classifyPosition(t: string, stack: readonly Frame[], statement: Statement, inComment: boolean, offset: number): CursorPosition {
  if (inComment) return { kind: 'none' };
  const f = stack[stack.length - 1];
  const wordStart = (() => {
    let s = offset;
    while (s > 0 && IDENT.test(t[s - 1]!)) s--;
    return s;
  })();
  if (!f || f.kind === 'block') {
    if (statement.attribute !== undefined) return { kind: 'expression', attribute: statement.attribute, inTuple: false, inInterpolation: false };
    if (/^\s*$/.test(t.slice(statement.start, wordStart))) return { kind: 'body', wordStart };
    return { kind: 'none' };
  }
  switch (f.kind) {
    case 'heredoc':
      return { kind: 'none' };
    case 'interpolation':
      return { kind: 'expression', attribute: statement.attribute, inTuple: false, inInterpolation: true };
    case 'paren':
      return { kind: 'expression', attribute: statement.attribute, inTuple: false, inInterpolation: false };
    case 'tuple':
      return { kind: 'expression', attribute: f.attribute, inTuple: true, inInterpolation: false };
    case 'object':
      if (f.afterEquals) return { kind: 'expression', attribute: undefined, inTuple: false, inInterpolation: false };
      if (f.attribute && /^\s*$/.test(t.slice(f.itemStart, wordStart))) return { kind: 'mapKey', attribute: f.attribute, inString: false, wordStart };
      return { kind: 'none' };
    case 'string': {
      const parent = stack[stack.length - 2];
      if (!parent || parent.kind === 'block') {
        if (statement.attribute !== undefined) return { kind: 'string', attribute: statement.attribute, inTuple: false, contentStart: f.contentStart };
        const header = HEADER.exec(t.slice(statement.start, f.contentStart - 1));
        if (!header) return { kind: 'none' };
        const before = (header[2] ?? '').match(/"[^"\n]*"|[A-Za-z_][\w-]*/g) ?? [];
        return { kind: 'label', blockType: header[1]!, index: before.length, contentStart: f.contentStart };
      }
      if (parent.kind === 'tuple' && parent.attribute) return { kind: 'string', attribute: parent.attribute, inTuple: true, contentStart: f.contentStart };
      if (parent.kind === 'object' && parent.attribute && !parent.afterEquals && /^\s*$/.test(t.slice(parent.itemStart, f.contentStart - 1))) {
        return { kind: 'mapKey', attribute: parent.attribute, inString: true, wordStart: f.contentStart };
      }
      return { kind: 'none' };
    }
  }
}
