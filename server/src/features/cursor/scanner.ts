import { classifyPosition } from './classify';
import { Frame, HEADER, Statement, TOP_LEVEL_LINE } from './frames';
import type { BlockFrame, CursorPosition } from './position';

/**
 * Reads HCL text forward from a statement start, keeping a stack of open blocks, brackets, strings,
 * heredocs and interpolations, for where the tree cannot answer (the text around the cursor does not parse).
 */
export class Scanner {
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
    return classifyPosition(this.text, this.stack, this.statement(), this.inComment, offset);
  }
}

function objectKeyText(text: string): string | undefined {
  const m = /^\s*(?:"([^"\n]*)"|([A-Za-z_][\w-]*))\s*[=:]\s*$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

