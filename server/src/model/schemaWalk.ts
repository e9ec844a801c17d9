/**
 * Every block of a module with the schema that applies to its body (schema/lookup.ts), once per module
 * snapshot: the schema validation rules all read this list. A top-level statement with a syntax error is
 * left out whole; error recovery can make half-typed text look like any argument or block.
 */
import type { TfFile } from './document';
import type { TemplateModule } from './module';
import { attributesIn, blocksIn, HclAttribute, HclBlock } from './syntax';
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

const walks = new WeakMap<TemplateModule, SchemaVisit[]>();

export function schemaVisits(module: TemplateModule): SchemaVisit[] {
  let visits = walks.get(module);
  if (!visits) {
    visits = [];
    const set = module.schemas;
    for (const { block, file } of module.blocks) {
      if (block.node.hasError) continue;
      visit(visits, file, block, topContext(set, block), undefined);
    }
    walks.set(module, visits);
  }
  return visits;
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
