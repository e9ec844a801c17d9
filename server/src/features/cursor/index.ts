import type { TfFile } from '../../model/document';
import type { SyntaxNode } from '../../model/parser';
import { asBlock, HclBlock } from '../../model/syntax';
import type { BlockFrame, CursorContext } from './position';
import { Scanner } from './scanner';

/**
 * Where the cursor is, in Terraform terms, for completion and hover. The tree answers when the top-level
 * block around the cursor parsed cleanly; otherwise a small scanner reads the text before the cursor
 * (strings, heredocs, comments, brackets, block headers), starting after the last cleanly parsed
 * top-level block so that it never reads the whole file when the error is near the cursor.
 */

export type { BlockFrame, CursorContext, CursorPosition } from './position';

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
