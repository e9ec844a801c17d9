/**
 * A thin, typed view over tree-sitter's HCL nodes: blocks and attributes (blocks.ts), static values and
 * traversals (expressions.ts). Everything here tolerates half-written text: missing parts come back undefined.
 */
export * from './blocks';
export * from './expressions';
