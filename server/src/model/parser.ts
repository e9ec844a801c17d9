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
  const tree = theParser().parse(text, previous ?? null, {
    includedRanges: [{ startIndex: start, endIndex: end, startPosition, endPosition }],
  });
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Makes a tree read node text from `current()`. A tree reads node text back through the input it was
 * parsed from; a tree kept across edits (moved by `editTree`, or before the edit) must read the text of
 * now, so the document hands it a reader of its current text once, when the tree is made.
 */
export function readTextFrom(tree: Tree, current: () => string): void {
  (tree as unknown as { textCallback: (index: number) => string }).textCallback = (index: number) => current().slice(index);
}

export interface Point {
  row: number;
  column: number;
}

/** Tells a previous tree about one text replacement so the next parse can reuse it. */
export function editTree(
  tree: Tree,
  startIndex: number,
  oldEndIndex: number,
  newEndIndex: number,
  startPosition: Point,
  oldEndPosition: Point,
  newEndPosition: Point,
): void {
  tree.edit(new Edit({ startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition }));
}
