import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import { asBlock, attributesIn, HclBlock } from '../model/syntax';

/** The outline: top-level blocks by kind and name, their nested blocks, and each local value. */
export function documentSymbols(file: TfFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  // Blocks the parser could not place (inside an ERROR node at the top) still belong in the outline.
  const top = file.topLevelNodes;
  for (const node of top.flatMap((n) => (n.type === 'ERROR' ? n.namedChildren : [n]))) {
    if (!node) continue;
    const block = node.type === 'block' ? asBlock(node) : undefined;
    if (block) out.push(topLevelSymbol(file, block));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const TOP_LEVEL_KINDS: Record<string, SymbolKind> = {
  resource: SymbolKind.Class,
  data: SymbolKind.Struct,
  variable: SymbolKind.Variable,
  locals: SymbolKind.Namespace,
  output: SymbolKind.Property,
  module: SymbolKind.Module,
  provider: SymbolKind.Package,
  terraform: SymbolKind.Namespace,
};

function topLevelSymbol(file: TfFile, block: HclBlock): DocumentSymbol {
  const [first, second] = block.labels;
  const name =
    (block.type === 'resource' || block.type === 'data') && first !== undefined && second !== undefined
      ? `${block.type === 'data' ? 'data.' : ''}${first}.${second}`
      : first !== undefined
        ? `${block.type} "${first}"`
        : block.type;
  const children =
    block.type === 'locals'
      ? attributesIn(block.body).map((a) => ({
          name: a.name,
          detail: 'local',
          kind: SymbolKind.Variable,
          range: file.rangeOf(a.node),
          selectionRange: file.rangeOf(a.nameNode),
        }))
      : nestedSymbols(file, block);
  return {
    name,
    detail: block.type === 'resource' || block.type === 'data' ? block.type : undefined,
    kind: TOP_LEVEL_KINDS[block.type] ?? SymbolKind.Object,
    range: file.rangeOf(block.node),
    selectionRange: selection(file, block),
    children,
  };
}

/** Deeper blocks are left out of the outline: recursing into thousands of levels overflows the stack. */
const MAX_SYMBOL_DEPTH = 64;

function nestedSymbols(file: TfFile, block: HclBlock, depth = 1): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (depth > MAX_SYMBOL_DEPTH) return out;
  for (const child of block.body?.namedChildren ?? []) {
    const nested = child?.type === 'block' ? asBlock(child) : undefined;
    if (!nested) continue;
    out.push({
      name: nested.labels.length ? `${nested.type} "${nested.labels.join('" "')}"` : nested.type,
      kind: SymbolKind.Object,
      range: file.rangeOf(nested.node),
      selectionRange: selection(file, nested),
      children: nestedSymbols(file, nested, depth + 1),
    });
  }
  return out;
}

/** The labels (or the type, for an unlabelled block): what the editor highlights when the symbol is picked. */
function selection(file: TfFile, block: HclBlock) {
  const nodes: SyntaxNode[] = block.labelNodes.length ? block.labelNodes : [block.typeNode];
  return file.rangeOfOffsets(nodes[0]!.startIndex, nodes[nodes.length - 1]!.endIndex);
}
