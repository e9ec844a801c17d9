import { chunkStarts } from './chunks';
import { makeEdit, parseRange, Point, readTextFrom, shiftOf, SyntaxNode, Tree } from './parser';
import { FileIndex as IndexOf, indexTree, joinIndexes, relocateIndex } from './indexing';
import { LineIndex, Position, Range } from './text';

type FileIndex = IndexOf<TfFile>;

export interface ContentChange {
  range?: Range;
  text: string;
}

/** One top-level statement (with the comments above it) and its own tree over `[start, end)` of the file. */
interface Chunk {
  start: number;
  end: number;
  tree: Tree;
  /** This statement's part of the file index, once read; kept while the tree is (moved with it). */
  index?: FileIndex;
}

/**
 * One `.tf` file: its text, its tree-sitter trees (one per top-level statement, see chunks.ts; kept
 * incrementally on edits) and its index. The trees are the only parse; every rule and feature reads them.
 * Their nodes carry offsets into the whole text.
 */
export class TfFile {
  private _text: string;
  private _lines: LineIndex;
  /** Undefined until first read, and again once parked. */
  private _chunks: Chunk[] | undefined;
  private _roots: SyntaxNode[] | undefined;
  private _index: FileIndex | undefined;
  private _generation = 0;

  constructor(
    /** Absolute file system path (or an `untitled:` URI string for unsaved documents). */
    readonly path: string,
    text: string,
    public version: number | null = null,
    /**
     * One tree per statement (the default: an edit re-parses one statement), or one tree for the whole
     * file: a third cheaper to parse, for texts that are never edited (the CLI).
     */
    private readonly perStatement = true,
    /**
     * False for a text that is never edited (the CLI): readers may then keep what they read on the nodes
     * of its index, since no edit will ever have to move them.
     */
    readonly editable = true,
  ) {
    this._text = text;
    this._lines = new LineIndex(text);
  }

  /**
   * The trees, parsed on first use. A file nobody reads (a closed file of a module, a document in
   * another tab) can be parked: its trees are freed and parsed again when something reads them.
   */
  private get chunks(): Chunk[] {
    this._chunks ??= this.parseChunks(this.perStatement ? chunkStarts(this._text) : [0], this._text.length);
    return this._chunks;
  }

  /** Whether the trees are in memory. */
  get parsed(): boolean {
    return this._chunks !== undefined;
  }

  /**
   * Counts parses from scratch after parking: nodes and indexes read before the last `park()` belong to
   * freed trees, and a cache holding them must be rebuilt when this changes.
   */
  get generation(): number {
    return this._generation;
  }

  /**
   * Frees the trees and everything read from them; the text stays. Only call it where no node of this
   * file is held (the server does it between requests). The next read parses again.
   */
  park(): void {
    if (!this._chunks) return;
    for (const c of this._chunks) c.tree.delete();
    this._chunks = undefined;
    this._roots = undefined;
    this._index = undefined;
    this._generation++;
  }

  get text(): string {
    return this._text;
  }

  get lines(): LineIndex {
    return this._lines;
  }

  /** The root (`config_file`) of each statement's tree, in document order. */
  get roots(): readonly SyntaxNode[] {
    this._roots ??= this.chunks.map((c) => c.tree.rootNode);
    return this._roots;
  }

  /** Top-level nodes in document order: the statements of every tree's body, and anything error recovery left beside a body. */
  get topLevelNodes(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const root of this.roots) {
      for (const child of root.namedChildren) {
        if (!child) continue;
        if (child.type === 'body') {
          for (const statement of child.namedChildren) if (statement) out.push(statement);
        } else out.push(child);
      }
    }
    return out;
  }

  /** Whether `node` is a top-level statement (a child of a file body or of a root). */
  isTopLevel(node: SyntaxNode): boolean {
    const parent = node.parent;
    if (!parent) return false;
    return parent.type === 'config_file' || (parent.type === 'body' && parent.parent?.type === 'config_file');
  }

  get hasSyntaxError(): boolean {
    return this.roots.some((r) => r.hasError);
  }

  /** Every node of the given types, in document order (tree-sitter collects them; no JavaScript walk). */
  descendantsOfType(types: string | string[]): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const root of this.roots) for (const node of root.descendantsOfType(types)) if (node) out.push(node);
    return out;
  }

  /** The root of the tree that holds `offset` (the last one for the end of the text). */
  rootAt(offset: number): SyntaxNode {
    return this.roots[this.chunkIndexAt(offset)];
  }

  /** The smallest node spanning `[start, end]`, looked up in the tree that holds `start`. */
  nodeAt(start: number, end = start): SyntaxNode {
    const root = this.rootAt(start);
    return root.descendantForIndex(start, end) ?? root;
  }

  /**
   * Declarations, references, blocks and comments of the file. Each statement's part is kept with its
   * tree, so after a keystroke only the re-parsed statement is indexed again.
   */
  get index(): FileIndex {
    this._index ??= joinIndexes(this.chunks.map((c) => (c.index ??= indexTree(c.tree.rootNode, this))));
    return this._index;
  }

  /** Applies LSP content changes in order, re-parsing only the statements they touch. */
  applyChanges(changes: ContentChange[], version: number | null): void {
    for (const change of changes) {
      if (!this._chunks) {
        // Parked: keep the text current; the next read parses it.
        this._text = change.range ? this._text.slice(0, this.offsetAt(change.range.start)) + change.text + this._text.slice(this.offsetAt(change.range.end)) : change.text;
        this._lines = new LineIndex(this._text);
        continue;
      }
      if (!change.range || !this.perStatement) {
        this.replaceAll(change.range ? this._text.slice(0, this.offsetAt(change.range.start)) + change.text + this._text.slice(this.offsetAt(change.range.end)) : change.text);
        continue;
      }
      const start = this._lines.offsetAt(change.range.start);
      const oldEnd = this._lines.offsetAt(change.range.end);
      this.replace(start, oldEnd, change.text);
    }
    this._index = undefined;
    this._roots = undefined;
    this.version = version;
  }

  rangeOf(node: SyntaxNode): Range {
    return { start: this._lines.positionAt(node.startIndex), end: this._lines.positionAt(node.endIndex) };
  }

  rangeOfOffsets(start: number, end: number): Range {
    return { start: this._lines.positionAt(start), end: this._lines.positionAt(end) };
  }

  positionAt(offset: number): Position {
    return this._lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this._lines.offsetAt(position);
  }

  dispose(): void {
    this.park();
  }

  /** The chunk whose range holds `offset` (binary search; the last chunk for the end of the text). */
  private chunkIndexAt(offset: number): number {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // ---- parsing ---------------------------------------------------------------------------------------

  private point(offset: number, lines = this._lines): Point {
    const p = lines.positionAt(offset);
    return { row: p.line, column: p.character };
  }

  /** Parses `[starts[i], starts[i + 1])` of the current text, the last range ending at `end`. */
  private parseChunks(starts: number[], end: number, previous?: (start: number, end: number) => Tree | undefined): Chunk[] {
    return starts.map((start, i) => {
      const chunkEnd = i + 1 < starts.length ? starts[i + 1] : end;
      const tree = parseRange(this._text, start, chunkEnd, this.point(start), this.point(chunkEnd), previous?.(start, chunkEnd));
      readTextFrom(tree, () => this._text);
      return { start, end: chunkEnd, tree };
    });
  }

  private replaceAll(text: string): void {
    for (const c of this.chunks) c.tree.delete();
    this._text = text;
    this._lines = new LineIndex(text);
    this._chunks = undefined; // parsed on the next read
  }

  /**
   * Replaces `[start, oldEnd)` with `inserted`. The chunks before the edited line keep their trees as they
   * are; the chunks after the point where the new boundaries meet the old ones again keep theirs, moved by
   * the edit (tree-sitter shifts a tree without re-parsing it); only the statements in between are parsed,
   * incrementally when one statement became one statement.
   */
  private replace(start: number, oldEnd: number, inserted: string): void {
    const old = this.chunks;
    const startPoint = this.point(start);
    const oldEndPoint = this.point(oldEnd);
    const text = this._text.slice(0, start) + inserted + this._text.slice(oldEnd);
    const lines = new LineIndex(text);
    const newEnd = start + inserted.length;
    const delta = newEnd - oldEnd;
    const newEndPoint = this.point(newEnd, lines);
    const change = makeEdit(start, oldEnd, newEnd, startPoint, oldEndPoint, newEndPoint);

    // The first chunk to re-scan: the one holding the character before the edit (its start is a boundary
    // the edit cannot move, since a boundary depends only on the text before it and its own first character).
    let first = 0;
    while (first + 1 < old.length && old[first + 1].start < start) first++;
    const from = old[first].start;
    // Old boundaries after the edit, by their offset in the new text.
    let resume = -1;
    const oldStartsAfter = new Map<number, number>();
    for (let j = first + 1; j < old.length; j++) if (old[j].start >= oldEnd) oldStartsAfter.set(old[j].start + delta, j);
    const starts = chunkStarts(text, from, (offset) => {
      if (offset < newEnd) return false;
      const j = oldStartsAfter.get(offset);
      if (j === undefined) return false;
      resume = j;
      return true;
    });
    if (resume >= 0) starts.pop(); // that boundary starts an old chunk, kept below
    const regionEnd = resume >= 0 ? old[resume].start + delta : text.length;
    const lastOld = resume >= 0 ? resume - 1 : old.length - 1;

    this._text = text;
    this._lines = lines;
    // One statement edited into one statement: re-parse it incrementally from its edited tree.
    const reuse = starts.length === 1 && lastOld === first ? old[first].tree : undefined;
    if (reuse) reuse.edit(change);
    const fresh = this.parseChunks(starts, regionEnd, reuse ? () => reuse : undefined);
    for (let j = first; j <= lastOld; j++) old[j].tree.delete();

    const moved = resume >= 0 ? old.slice(resume) : [];
    const shift = shiftOf(change);
    for (const c of moved) {
      c.tree.edit(change);
      if (c.index) relocateIndex(c.index, shift);
      c.start += delta;
      c.end += delta;
    }
    this._chunks = [...old.slice(0, first), ...fresh, ...moved];
  }
}
