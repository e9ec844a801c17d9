import type { TfFile } from './document';
import type { SyntaxNode } from './parser';
import { staticValue, tupleElements, unwrap } from './syntax';

/**
 * The text of a command, entrypoint or script as the shell would see it, with a map back to the file.
 * Sees through quoted strings, heredocs (`<<EOF`, `<<-EOF`), lists (joined with spaces, as `sh -c`
 * lists end up), `join(sep, list)`, and keeps `${…}` interpolations as their source text so that a
 * rule can still find, say, `init_script` inside them.
 */
export interface ScriptText {
  text: string;
  /** Pieces of `text` in order: `at` is the offset in `text`, `from` the offset in the file. */
  pieces: Array<{ at: number; from: number; length: number }>;
}

export function scriptOf(expression: SyntaxNode | undefined): ScriptText {
  const script: ScriptText = { text: '', pieces: [] };
  if (expression) appendExpression(script, expression);
  return script;
}

function push(script: ScriptText, text: string, from: number): void {
  if (!text) return;
  script.pieces.push({ at: script.text.length, from, length: text.length });
  script.text += text;
}

function pushSeparator(script: ScriptText, separator: string): void {
  // Separators come from no single place in the file: they map to the previous piece's end.
  const last = script.pieces[script.pieces.length - 1];
  const from = last ? last.from + last.length : 0;
  script.pieces.push({ at: script.text.length, from, length: 0 });
  script.text += separator;
}

function appendExpression(script: ScriptText, expression: SyntaxNode): void {
  const node = unwrap(expression);
  if (!node) return;
  switch (node.type) {
    case 'string_lit':
    case 'template_expr':
    case 'quoted_template':
    case 'heredoc_template':
      appendTemplate(script, node);
      return;
    case 'tuple': {
      const elements = tupleElements(node) ?? [];
      elements.forEach((element, i) => {
        if (i > 0) pushSeparator(script, ' ');
        appendExpression(script, element);
      });
      return;
    }
    case 'function_call': {
      const name = node.namedChildren[0]?.text;
      const args = node.namedChildren.find((c) => c?.type === 'function_arguments');
      const argNodes = args?.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression') ?? [];
      if (name === 'join' && argNodes.length === 2) {
        const separator = staticValue(argNodes[0]);
        const elements = tupleElements(argNodes[1]);
        if (typeof separator === 'string' && elements) {
          elements.forEach((element, i) => {
            if (i > 0) pushSeparator(script, separator);
            appendExpression(script, element);
          });
          return;
        }
      }
      push(script, node.text, node.startIndex);
      return;
    }
    default:
      push(script, node.text, node.startIndex);
  }
}

function appendTemplate(script: ScriptText, node: SyntaxNode): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    switch (child.type) {
      case 'template_literal':
      case 'template_interpolation':
      case 'template_directive':
        push(script, child.text, child.startIndex);
        break;
      case 'quoted_template':
      case 'heredoc_template':
      case 'string_lit':
      case 'template_expr':
        appendTemplate(script, child);
        break;
    }
  }
}

/** Maps an offset in the script text to an offset in the file. */
export function scriptOffsetToFile(script: ScriptText, at: number): number {
  let lo = 0;
  let hi = script.pieces.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (script.pieces[mid].at <= at) lo = mid;
    else hi = mid - 1;
  }
  const piece = script.pieces[lo];
  return piece.from + Math.min(at - piece.at, piece.length);
}

export interface ScriptMatch {
  text: string;
  start: number;
  end: number;
}

/** Finds a pattern in a script and returns the file offsets of the first match. */
export function findInScript(script: ScriptText, pattern: RegExp): ScriptMatch | undefined {
  const match = pattern.exec(script.text);
  if (!match) return undefined;
  const start = scriptOffsetToFile(script, match.index);
  const end = scriptOffsetToFile(script, match.index + Math.max(match[0].length, 1) - 1) + (match[0].length ? 1 : 0);
  return { text: match[0], start, end: Math.max(end, start) };
}

export function scriptRange(file: TfFile, m: ScriptMatch) {
  return file.rangeOfOffsets(m.start, m.end);
}
