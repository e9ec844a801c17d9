/**
 * Every block of a module with the schema that applies to its body (schema/lookup.ts): what the schema
 * validation rules read. A top-level statement with a syntax error is left out whole; error recovery can
 * make half-typed text look like any argument or block.
 *
 * A keystroke re-parses one statement; every other statement keeps its tree, moved by the edit (see
 * document.ts). What a rule finds in a statement is therefore kept with it (`memo`), as spans relative to
 * the statement's start, and only the edited statement is walked again. The walk itself reads nodes that
 * are not the index's own (a fresh node for the statement), so that it leaves nothing on the kept trees
 * for each later edit to move.
 */
import type { TfFile } from './document';
import type { TemplateModule } from './module';
import type { SyntaxNode } from './parser';
import { asBlock, attributesIn, blocksIn, HclAttribute, HclBlock } from './syntax';
import { childContext, SchemaContext, topContext } from '../schema';

export interface SchemaVisit {
  file: TfFile;
  block: HclBlock;
  /** The schema of this block's body. */
  ctx: SchemaContext;
  /** The schema of the body this block is written in (undefined for a top-level block). */
  parent?: SchemaContext;
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** A top-level statement, for as long as its tree and the module's provider constraints stay the same. */
export interface SchemaStatement {
  file: TfFile;
  /** The index's block: its node is kept current across edits. */
  block: HclBlock;
  /** What rules found in it, by the rule's finder (see rules/util/statements.ts). */
  memo: Map<unknown, unknown>;
}

const kept = new WeakMap<SyntaxNode, { key: string; statement: SchemaStatement }>();
const walked = new WeakMap<TemplateModule, Map<SchemaStatement, SchemaVisit[]>>();
const listed = new WeakMap<TemplateModule, SchemaStatement[]>();

/**
 * The module's top-level statements, each the same object for as long as its tree and the module's
 * provider constraints stay the same.
 */
export function schemaStatements(module: TemplateModule): SchemaStatement[] {
  let list = listed.get(module);
  if (!list) {
    const key = module.schemas.key;
    list = module.blocks.map(({ block, file }) => {
      let entry = kept.get(block.node);
      if (!entry || entry.key !== key || entry.statement.file !== file) kept.set(block.node, (entry = { key, statement: { file, block, memo: new Map() } }));
      return entry.statement;
    });
    listed.set(module, list);
  }
  return list;
}

/** The statement's blocks, outermost first, read fresh for this module snapshot (positions of now). */
export function visitsOf(module: TemplateModule, statement: SchemaStatement): SchemaVisit[] {
  let bySnapshot = walked.get(module);
  if (!bySnapshot) walked.set(module, (bySnapshot = new Map()));
  let visits = bySnapshot.get(statement);
  if (!visits) bySnapshot.set(statement, (visits = walkStatement(module, statement.file, statement.block)));
  return visits;
}

function walkStatement(module: TemplateModule, file: TfFile, indexed: HclBlock): SchemaVisit[] {
  const out: SchemaVisit[] = [];
  // A file nobody edits has no later edit to move the index's nodes for: its walk reads them as they are
  // (their children are already read), instead of reading the statement a second time.
  let block: HclBlock | undefined = indexed;
  if (file.editable) {
    const fresh = file.rootAt(indexed.node.startIndex).descendantForIndex(indexed.node.startIndex, indexed.node.endIndex);
    block = fresh && fresh.type === 'block' && fresh.startIndex === indexed.node.startIndex ? asBlock(fresh) : undefined;
  }
  if (!block || block.node.hasError) return out;
  visit(out, file, block, topContext(module.schemas, block), undefined);
  return out;
}

function visit(out: SchemaVisit[], file: TfFile, block: HclBlock, ctx: SchemaContext, parent: SchemaContext | undefined): void {
  const blocks = blocksIn(block.body);
  out.push({ file, block, ctx, parent, attributes: attributesIn(block.body), blocks });
  for (const child of blocks) visit(out, file, child, childContext(ctx, child), ctx);
}

/** The block's header, `type "label" …`, for findings about the block as a whole. */
export function headerRange(file: TfFile, block: HclBlock) {
  const last = block.labelNodes[block.labelNodes.length - 1] ?? block.typeNode;
  return file.rangeOfOffsets(block.node.startIndex, last.endIndex);
}
