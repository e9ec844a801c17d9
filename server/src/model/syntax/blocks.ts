import type { SyntaxNode } from '../parser';

/** Blocks and attributes of a body, read from tree-sitter's HCL nodes; missing parts come back undefined. */
export interface HclAttribute {
  name: string;
  node: SyntaxNode;
  nameNode: SyntaxNode;
  /** The `expression` node; undefined while the value is not yet typed. */
  value?: SyntaxNode;
}

export interface HclBlock {
  type: string;
  labels: string[];
  labelNodes: SyntaxNode[];
  node: SyntaxNode;
  typeNode: SyntaxNode;
  /** The `body` node; undefined for an empty block `{}`. */
  body?: SyntaxNode;
  openBrace?: SyntaxNode;
  closeBrace?: SyntaxNode;
}

export function asBlock(node: SyntaxNode): HclBlock | undefined {
  if (node.type !== 'block') return undefined;
  const typeNode = node.namedChildren.find((c) => c?.type === 'identifier');
  if (!typeNode) return undefined;
  const labelNodes: SyntaxNode[] = [];
  let body: SyntaxNode | undefined;
  let openBrace: SyntaxNode | undefined;
  let closeBrace: SyntaxNode | undefined;
  for (const child of node.children) {
    if (!child) continue;
    switch (child.type) {
      case 'string_lit':
        labelNodes.push(child);
        break;
      case 'identifier':
        if (child.id !== typeNode.id) labelNodes.push(child);
        break;
      case 'body':
        body = child;
        break;
      case 'block_start':
        openBrace = child;
        break;
      case 'block_end':
        closeBrace = child;
        break;
    }
  }
  return {
    type: typeNode.text,
    labels: labelNodes.map(labelText),
    labelNodes,
    node,
    typeNode,
    body,
    openBrace,
    closeBrace,
  };
}

function labelText(node: SyntaxNode): string {
  if (node.type === 'identifier') return node.text;
  const literal = node.namedChildren.find((c) => c?.type === 'template_literal');
  return literal ? literal.text : '';
}

export function asAttribute(node: SyntaxNode): HclAttribute | undefined {
  if (node.type !== 'attribute') return undefined;
  const nameNode = node.namedChildren[0];
  if (!nameNode || nameNode.type !== 'identifier') return undefined;
  const value = node.namedChildren.find((c) => c?.type === 'expression') ?? undefined;
  return { name: nameNode.text, node, nameNode, value };
}

/** The blocks directly inside a body (or inside the config file's top body). */
export function blocksIn(body: SyntaxNode | undefined, type?: string): HclBlock[] {
  if (!body) return [];
  const out: HclBlock[] = [];
  for (const child of body.namedChildren) {
    if (!child || child.type !== 'block') continue;
    const block = asBlock(child);
    if (block && (type === undefined || block.type === type)) out.push(block);
  }
  return out;
}

/**
 * Every `attribute(block, name)` lists the block's attributes again; a node object is an immutable view
 * of one tree, so the list is kept per body node object (and goes with it). Callers must not change it.
 */
const attributesOfBody = new WeakMap<SyntaxNode, HclAttribute[]>();

/** The attribute list `attributesIn` keeps for this body node, if it made one (to move it with the node). */
export function cachedAttributes(body: SyntaxNode): HclAttribute[] | undefined {
  return attributesOfBody.get(body);
}

export function attributesIn(body: SyntaxNode | undefined): HclAttribute[] {
  if (!body) return [];
  const known = attributesOfBody.get(body);
  if (known) return known;
  const out: HclAttribute[] = [];
  for (const child of body.namedChildren) {
    if (!child || child.type !== 'attribute') continue;
    const attribute = asAttribute(child);
    if (attribute) out.push(attribute);
  }
  attributesOfBody.set(body, out);
  return out;
}

export function attribute(block: HclBlock | undefined, name: string): HclAttribute | undefined {
  return attributesIn(block?.body).find((a) => a.name === name);
}

export function childBlocks(block: HclBlock | undefined, type?: string): HclBlock[] {
  return blocksIn(block?.body, type);
}

export function childBlock(block: HclBlock | undefined, type: string): HclBlock | undefined {
  return childBlocks(block, type)[0];
}

/** The top-level body of a parsed file. */
export function fileBody(root: SyntaxNode): SyntaxNode | undefined {
  return root.namedChildren.find((c) => c?.type === 'body') ?? undefined;
}
