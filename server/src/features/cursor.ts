import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import { asBlock, HclBlock } from '../model/syntax';

/**
 * Where the cursor is, in Terraform terms, for completion and hover. The tree answers when the top-level
 * block around the cursor parsed cleanly; otherwise a small scanner reads the text before the cursor
 * (strings, heredocs, comments, brackets, block headers), starting after the last cleanly parsed
 * top-level block so that it never reads the whole file when the error is near the cursor.
 */

export interface BlockFrame {
  type: string;
  labels: string[];
  /** Attribute and nested block names already written in this block (not counting the one being typed). */
  present: Set<string>;
}

export type CursorPosition =
  /** Typing a block type or attribute name; the word starts at `wordStart`. */
  | { kind: 'body'; wordStart: number }
  /** Inside the quotes of a block label, e.g. `resource "dock|`. */
  | { kind: 'label'; blockType: string; index: number; contentStart: number }
  /** In an attribute's value, outside any string. */
  | { kind: 'expression'; attribute?: string; inTuple: boolean; inInterpolation: boolean }
  /** In a string that is the attribute's value, or an element of its tuple value. */
  | { kind: 'string'; attribute: string; inTuple: boolean; contentStart: number }
  /** At a key of an object that is the attribute's value, e.g. `annotations = { "io.k|`. */
  | { kind: 'mapKey'; attribute: string; inString: boolean; wordStart: number }
  /** In a comment, heredoc text, or somewhere nothing is offered. */
  | { kind: 'none' };

export interface CursorContext {
  source: 'tree' | 'scan';
  offset: number;
  /** Enclosing blocks, outermost first. Empty at the top level. */
  blocks: BlockFrame[];
  position: CursorPosition;
}

export function cursorContext(file: TfFile, offset: number): CursorContext {
  const fromTree = treeStart(file, offset);
  const scanner = new Scanner(file.text, fromTree ? fromTree.stack : []);
  const start = fromTree ? fromTree.scanFrom : scanStart(file, offset);
  const position = scanner.run(start, offset);
  const blocks = scanner.blocks();
  if (!fromTree) scanner.collectFollowing(offset);
  return { source: fromTree ? 'tree' : 'scan', offset, blocks, position };
}

// ---- tree ------------------------------------------------------------------------------------------

function nodeAt(file: TfFile, offset: number): SyntaxNode {
  return file.nodeAt(Math.max(0, Math.min(offset, file.text.length) - 1), offset);
}

/** The top-level node (a child of a file body, or of a root) that contains `node`. */
function topLevelOf(file: TfFile, node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n && n.parent; n = n.parent) if (file.isTopLevel(n)) return n;
  return undefined;
}

function frameOf(block: HclBlock, excluding?: SyntaxNode): BlockFrame {
  const present = new Set<string>();
  for (const child of block.body?.namedChildren ?? []) {
    if (!child || (excluding && child.startIndex <= excluding.startIndex && excluding.endIndex <= child.endIndex)) continue;
    if (child.type === 'attribute') present.add(child.namedChildren[0]?.text ?? '');
    else if (child.type === 'block') {
      const nested = asBlock(child);
      if (nested) present.add(nested.type === 'dynamic' ? nested.labels[0] ?? '' : nested.type);
    }
  }
  return { type: block.type, labels: block.labels, present };
}

/**
 * When the top-level block around the cursor has no syntax error: the enclosing blocks from the tree, and
 * where the statement under the cursor starts (the scanner reads only that statement).
 */
function treeStart(file: TfFile, offset: number): { stack: BlockFrame[]; scanFrom: number } | undefined {
  const node = nodeAt(file, offset);
  const top = topLevelOf(file, node);
  if (!top || top.type !== 'block' || top.hasError || offset <= top.startIndex || offset >= top.endIndex) return undefined;
  const chain: HclBlock[] = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const block = n.type === 'block' ? asBlock(n) : undefined;
    if (!block?.openBrace || !block.closeBrace) continue;
    if (offset >= block.openBrace.endIndex && offset <= block.closeBrace.startIndex) chain.unshift(block);
  }
  const innermost = chain[chain.length - 1];
  let statement: SyntaxNode | undefined;
  for (const child of innermost?.body?.namedChildren ?? []) {
    if (child && child.startIndex <= offset && offset <= child.endIndex && child.type !== 'comment') statement = child;
  }
  const stack = chain.map((block, i) => frameOf(block, i === chain.length - 1 ? statement : undefined));
  if (!innermost) return { stack, scanFrom: top.startIndex };
  // Cursor in a nested block's header (`dynamic "en|" {`): the statement is that block.
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const scanFrom = statement ? statement.startIndex : Math.max(lineStart, innermost.openBrace!.endIndex);
  return { stack, scanFrom };
}

const TOP_LEVEL_TYPES = new Set(['resource', 'data', 'variable', 'locals', 'output', 'module', 'provider', 'terraform', 'moved', 'import', 'check']);

/**
 * Where the scanner starts when the tree cannot be trusted: after the last clean top-level block. Error
 * recovery can lift a nested block (`metadata { … }`) to the top, so only a clean block of a top-level
 * type that starts a line counts.
 */
function scanStart(file: TfFile, offset: number): number {
  const top = topLevelOf(file, nodeAt(file, offset));
  const statements = file.topLevelNodes;
  const at = top ? statements.findIndex((s) => s.id === top.id) : -1;
  for (let k = at - 1; k >= 0; k--) {
    const n = statements[k];
    if (n.type !== 'block' || n.hasError || n.endIndex > offset) continue;
    const type = n.namedChildren[0]?.text ?? '';
    const lineStart = n.startIndex === 0 || file.text[n.startIndex - 1] === '\n';
    if (TOP_LEVEL_TYPES.has(type) && lineStart) return n.endIndex;
  }
  return 0;
}

// ---- scanner ---------------------------------------------------------------------------------------

interface Statement {
  start: number;
  attribute?: string;
}

type Frame =
  | { kind: 'block'; frame: BlockFrame; statement: Statement }
  | { kind: 'object'; attribute?: string; itemStart: number; afterEquals: boolean }
  | { kind: 'tuple'; attribute?: string }
  | { kind: 'paren' }
  | { kind: 'string'; contentStart: number }
  | { kind: 'heredoc'; marker: string; lineStart: boolean }
  | { kind: 'interpolation' };

const IDENT = /[A-Za-z0-9_-]/;
const HEADER = /^\s*([A-Za-z_][\w-]*)((?:\s+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*)\s*$/;
const TOP_LEVEL_LINE = /^(resource|data|variable|locals|output|module|provider|terraform|moved|import|check)\b/;

class Scanner {
  private readonly stack: Frame[] = [];
  private readonly top: Statement = { start: 0 };
  /** The scan ended inside a comment. */
  private inComment = false;
  /** Set while scanning past the cursor: collects names written after it in this frame. */
  private collecting?: { frame: BlockFrame; depth: number; cursor: number };

  constructor(
    private readonly text: string,
    initial: BlockFrame[],
  ) {
    for (const frame of initial) this.stack.push({ kind: 'block', frame, statement: { start: 0 } });
  }

  blocks(): BlockFrame[] {
    return this.stack.flatMap((f) => (f.kind === 'block' ? [f.frame] : []));
  }

  private statement(): Statement {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.kind === 'block') return f.statement;
    }
    return this.top;
  }

  private innermost(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The attribute whose value the innermost bracket belongs to, when it is that value directly. */
  private valueAttribute(): string | undefined {
    const f = this.innermost();
    if (!f || f.kind === 'block') return this.statement().attribute;
    return undefined;
  }

  run(from: number, to: number): CursorPosition {
    const statement = this.statement();
    statement.start = from;
    statement.attribute = undefined;
    this.scan(from, to);
    return this.classify(to);
  }

  /** Reads on past the cursor to learn which names the innermost block already has after it. */
  collectFollowing(cursor: number): void {
    const frames = this.blocks();
    const frame = frames[frames.length - 1];
    if (!frame) return;
    this.collecting = { frame, depth: this.stack.filter((f) => f.kind === 'block').length, cursor };
    this.scan(cursor, Math.min(this.text.length, cursor + 50_000));
  }

  private scan(from: number, to: number): void {
    const t = this.text;
    let i = from;
    while (i < to && !this.stopped) {
      const c = t[i]!;
      const f = this.innermost();
      if (f?.kind === 'string') {
        if (c === '\\') i += 2;
        else if ((c === '$' || c === '%') && t[i + 1] === '{') {
          if (t[i - 1] === c) i += 2; // `$${` is an escaped `${`
          else {
            this.stack.push({ kind: 'interpolation' });
            i += 2;
          }
        } else {
          if (c === '"' || c === '\n') this.stack.pop();
          if (c === '\n') this.newline(i);
          i++;
        }
        continue;
      }
      if (f?.kind === 'heredoc') {
        if (f.lineStart) {
          const end = t.indexOf('\n', i);
          const line = t.slice(i, end < 0 ? t.length : end).trim();
          f.lineStart = false;
          if (line === f.marker) {
            this.stack.pop();
            i = t.indexOf(f.marker, i) + f.marker.length;
            continue;
          }
        }
        if ((c === '$' || c === '%') && t[i + 1] === '{' && t[i - 1] !== c) {
          this.stack.push({ kind: 'interpolation' });
          i += 2;
          continue;
        }
        if (c === '\n') f.lineStart = true;
        i++;
        continue;
      }
      // Code.
      if (c === '#' || (c === '/' && t[i + 1] === '/')) {
        const end = t.indexOf('\n', i);
        if (end < 0 || end >= to) {
          this.inComment = true;
          return;
        }
        i = end;
        continue;
      }
      if (c === '/' && t[i + 1] === '*') {
        const end = t.indexOf('*/', i + 2);
        if (end < 0 || end + 2 > to) {
          this.inComment = true;
          return;
        }
        i = end + 2;
        continue;
      }
      if (c === '<' && t[i + 1] === '<') {
        const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(t.slice(i, i + 200));
        if (m) {
          this.stack.push({ kind: 'heredoc', marker: m[1]!, lineStart: true });
          i += m[0].length;
          continue;
        }
      }
      switch (c) {
        case '"':
          this.stack.push({ kind: 'string', contentStart: i + 1 });
          break;
        case '{':
          this.open(i);
          break;
        case '}':
          this.close(i);
          break;
        case '[':
          this.stack.push({ kind: 'tuple', attribute: this.valueAttribute() });
          break;
        case '(':
          this.stack.push({ kind: 'paren' });
          break;
        case ']':
        case ')':
          if (f?.kind === 'tuple' || f?.kind === 'paren') this.stack.pop();
          break;
        case '=':
          this.equals(i);
          break;
        case ':':
          if (f?.kind === 'object' && !f.afterEquals) f.afterEquals = true;
          break;
        case ',':
          if (f?.kind === 'object') {
            f.itemStart = i + 1;
            f.afterEquals = false;
          }
          break;
        case '\n':
          this.newline(i);
          break;
      }
      i++;
    }
  }


  private equals(i: number): void {
    const t = this.text;
    if (t[i + 1] === '=' || t[i - 1] === '=' || t[i - 1] === '!' || t[i - 1] === '<' || t[i - 1] === '>' || t[i + 1] === '>') return;
    const f = this.innermost();
    if (f?.kind === 'object') {
      f.afterEquals = true;
      return;
    }
    if (f && f.kind !== 'block') return;
    const statement = this.statement();
    if (statement.attribute !== undefined) return;
    const name = /^\s*([A-Za-z_][\w-]*)\s*$/.exec(t.slice(statement.start, i))?.[1];
    if (!name) return;
    statement.attribute = name;
    this.note(name, statement);
  }

  /** Records a name written in the innermost block (while collecting: only after the cursor). */
  private note(name: string, statement: Statement): void {
    const frames = this.blocks();
    const frame = frames[frames.length - 1];
    if (!frame) return;
    if (this.collecting) {
      if (this.collecting.frame !== frame || statement.start < this.collecting.cursor) return;
    }
    frame.present.add(name);
  }

  private open(i: number): void {
    const f = this.innermost();
    if (f && f.kind !== 'block') {
      const key = f.kind === 'object' && f.afterEquals ? objectKeyText(this.text.slice(f.itemStart, i)) : undefined;
      this.stack.push({ kind: 'object', attribute: key, itemStart: i + 1, afterEquals: false });
      return;
    }
    const statement = this.statement();
    if (statement.attribute !== undefined) {
      this.stack.push({ kind: 'object', attribute: statement.attribute, itemStart: i + 1, afterEquals: false });
      return;
    }
    const header = HEADER.exec(this.text.slice(statement.start, i));
    const type = header?.[1] ?? '';
    const labels = [...(header?.[2] ?? '').matchAll(/"([^"\n]*)"|([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? m[2] ?? '');
    this.note(type === 'dynamic' ? labels[0] ?? '' : type, statement);
    this.stack.push({ kind: 'block', frame: { type, labels, present: new Set() }, statement: { start: i + 1 } });
  }

  private close(i: number): void {
    const f = this.innermost();
    if (f?.kind === 'interpolation' || f?.kind === 'object') {
      this.stack.pop();
      return;
    }
    if (f?.kind !== 'block') return;
    if (this.collecting && this.stack.filter((x) => x.kind === 'block').length === this.collecting.depth) {
      this.collecting = undefined;
      this.stopped = true;
    }
    this.stack.pop();
    const statement = this.statement();
    statement.start = i + 1;
    statement.attribute = undefined;
  }

  /** Collecting ended: the innermost block closed, or the next top-level block began. */
  private stopped = false;

  private newline(i: number): void {
    const f = this.innermost();
    if (f?.kind === 'object' && !f.afterEquals) f.itemStart = i + 1;
    else if (f?.kind === 'object' && f.afterEquals) {
      f.itemStart = i + 1;
      f.afterEquals = false;
    }
    if (f && f.kind !== 'block') return;
    const statement = this.statement();
    // An attribute ends at the line break; a block header may continue to the `{` on the same line only.
    statement.start = i + 1;
    statement.attribute = undefined;
    if (this.collecting && TOP_LEVEL_LINE.test(this.text.slice(i + 1, i + 12)) && this.stack.length > 0) {
      // An unclosed block: a new top-level block starts here.
      this.collecting = undefined;
      this.stopped = true;
    }
  }

  private classify(offset: number): CursorPosition {
    if (this.inComment) return { kind: 'none' };
    const t = this.text;
    const f = this.innermost();
    const statement = this.statement();
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
        const parent = this.stack[this.stack.length - 2];
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
}

function objectKeyText(text: string): string | undefined {
  const m = /^\s*(?:"([^"\n]*)"|([A-Za-z_][\w-]*))\s*[=:]\s*$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}
