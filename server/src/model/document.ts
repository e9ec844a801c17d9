import { editTree, parseText, SyntaxNode, Tree } from './parser';
import { indexFile, FileIndex } from './fileIndex';
import { LineIndex, Position, Range } from './text';

export interface ContentChange {
  range?: Range;
  text: string;
}

/**
 * One `.tf` file: its text, its tree-sitter tree (kept incrementally on edits) and its index.
 * The tree is the only parse; every rule and feature reads it.
 */
export class TfFile {
  private _text: string;
  private _lines: LineIndex;
  private _tree: Tree;
  private _index: FileIndex | undefined;

  constructor(
    /** Absolute file system path (or an `untitled:` URI string for unsaved documents). */
    readonly path: string,
    text: string,
    public version: number | null = null,
  ) {
    this._text = text;
    this._lines = new LineIndex(text);
    this._tree = parseText(text);
  }

  get text(): string {
    return this._text;
  }

  get lines(): LineIndex {
    return this._lines;
  }

  get root(): SyntaxNode {
    return this._tree.rootNode;
  }

  get index(): FileIndex {
    this._index ??= indexFile(this);
    return this._index;
  }

  /** Applies LSP content changes in order, re-parsing incrementally. */
  applyChanges(changes: ContentChange[], version: number | null): void {
    for (const change of changes) {
      if (!change.range) {
        this._text = change.text;
        this._lines = new LineIndex(change.text);
        this._tree.delete();
        this._tree = parseText(change.text);
        continue;
      }
      const start = this._lines.offsetAt(change.range.start);
      const oldEnd = this._lines.offsetAt(change.range.end);
      const startPos = this._lines.positionAt(start);
      const oldEndPos = this._lines.positionAt(oldEnd);
      const text = this._text.slice(0, start) + change.text + this._text.slice(oldEnd);
      const lines = new LineIndex(text);
      const newEnd = start + change.text.length;
      const newEndPos = lines.positionAt(newEnd);
      editTree(
        this._tree,
        start,
        oldEnd,
        newEnd,
        { row: startPos.line, column: startPos.character },
        { row: oldEndPos.line, column: oldEndPos.character },
        { row: newEndPos.line, column: newEndPos.character },
      );
      const next = parseText(text, this._tree);
      this._tree.delete();
      this._tree = next;
      this._text = text;
      this._lines = lines;
    }
    this._index = undefined;
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
    this._tree.delete();
  }
}
