import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Edit, Language, Node, Parser, Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree };

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * A `Node` is an immutable view of one tree, yet web-tree-sitter answers every read of these getters
 * with a call into WebAssembly (marshalling the node first). The model and the rules read them
 * constantly, on every keystroke, so each node object remembers them after the first read.
 */
const CACHED_NODE_GETTERS = ['type', 'endIndex', 'text', 'namedChildCount'] as const;

function cacheNodeGetters(): void {
  for (const name of CACHED_NODE_GETTERS) {
    const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, name);
    const read = descriptor?.get;
    if (!read || (read as { cached?: boolean }).cached) continue;
    const slot = `_cached_${name}`;
    const cached = function (this: Record<string, unknown>): unknown {
      let value = this[slot];
      if (value === undefined) this[slot] = value = read.call(this);
      return value;
    };
    (cached as { cached?: boolean }).cached = true;
    Object.defineProperty(Node.prototype, name, { ...descriptor, get: cached });
  }
}

/**
 * The `.wasm` files sit beside the bundle in `dist/`; when the sources run directly (tests), they are
 * taken from node_modules.
 */
function locate(fileName: string, fallback: () => string): string {
  const beside = path.join(__dirname, fileName);
  return existsSync(beside) ? beside : fallback();
}

/** Loads tree-sitter and the Terraform grammar once. Every other function here needs it done. */
export function initParser(): Promise<void> {
  loading ??= (async () => {
    const runtimeWasm = locate('web-tree-sitter.wasm', () => require.resolve('web-tree-sitter/web-tree-sitter.wasm'));
    await Parser.init({ locateFile: () => runtimeWasm });
    cacheNodeGetters();
    const grammarWasm = locate('tree-sitter-terraform.wasm', () =>
      path.join(path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'),
    );
    const language = await Language.load(grammarWasm);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

function theParser(): Parser {
  if (!parser) throw new Error('initParser() must complete before parsing');
  return parser;
}

export function parseText(text: string, previous?: Tree): Tree {
  const tree = theParser().parse(text, previous ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Parses only `[start, end)` of `text` (tree-sitter's included ranges): the tree's nodes carry offsets into
 * the whole text, and the parse costs the range, not the file.
 */
export function parseRange(text: string, start: number, end: number, startPosition: Point, endPosition: Point, previous?: Tree): Tree {
  // The reader stops at the range's end: given the whole text, web-tree-sitter copies up to 10 KiB past
  // every point it reads from, for a statement of a few hundred bytes (a tenth of the CLI's parse time).
  const tree = theParser().parse((index: number) => (index < end ? text.slice(index, end) : ''), previous ?? null, {
    includedRanges: [{ startIndex: start, endIndex: end, startPosition, endPosition }],
  });
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Makes a tree read node text from `current()`. A tree reads node text back through the input it was
 * parsed from; a tree kept across edits (moved by `Tree.edit`, or before the edit) must read the text of
 * now, so the document hands it a reader of its current text once, when the tree is made.
 */
export function readTextFrom(tree: Tree, current: () => string): void {
  (tree as unknown as { textCallback: (index: number) => string }).textCallback = (index: number) => current().slice(index);
}

export interface Point {
  row: number;
  column: number;
}

/** One text replacement, as tree-sitter wants it (for `Tree.edit` and `moveNode`). */
export function makeEdit(startIndex: number, oldEndIndex: number, newEndIndex: number, startPosition: Point, oldEndPosition: Point, newEndPosition: Point): Edit {
  return new Edit({ startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition });
}

/** How an edit made wholly before a node moves it: by `delta` characters and `rows` lines, and on the edit's last line by `columns` too. */
export interface Shift {
  delta: number;
  rows: number;
  /** The row, before the edit, of the edit's end; a node starting on it moves by `columns`. */
  oldEndRow: number;
  columns: number;
}

export function shiftOf(edit: { oldEndIndex: number; newEndIndex: number; oldEndPosition: Point; newEndPosition: Point }): Shift {
  return {
    delta: edit.newEndIndex - edit.oldEndIndex,
    rows: edit.newEndPosition.row - edit.oldEndPosition.row,
    oldEndRow: edit.oldEndPosition.row,
    columns: edit.newEndPosition.column - edit.oldEndPosition.column,
  };
}

/**
 * Moves a node object that lies wholly after an edit (its tree was moved by the same edit), as
 * `Node.edit` would: its start, plus the end this module caches on it. Returns the children
 * web-tree-sitter caches on it, which the caller moves too (once each).
 */
export function moveNode(node: Node, shift: Shift): Node[] | undefined {
  const p = node.startPosition;
  node.startIndex += shift.delta;
  node.startPosition = { row: p.row + shift.rows, column: p.row === shift.oldEndRow ? p.column + shift.columns : p.column };
  const slots = node as unknown as Record<string, unknown> & { _children?: (Node | null)[]; _namedChildren?: (Node | null)[] };
  const end = slots['_cached_endIndex'];
  if (typeof end === 'number') slots['_cached_endIndex'] = end + shift.delta;
  const all = slots._children;
  const named = slots._namedChildren;
  if (!all) return named as Node[] | undefined;
  if (!named) return all as Node[];
  return [...all, ...named] as Node[];
}
