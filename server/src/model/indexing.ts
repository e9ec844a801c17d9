/**
 * Reads one statement tree into its part of the file index: declarations, references, required providers,
 * blocks and comments. Generic over the file the entries point back to, so that this module and the file
 * (model/document.ts) do not import each other; fileIndex.ts binds it to TfFile for every reader.
 */
import { moveNode, Shift, SyntaxNode } from './parser';
import {
  attribute,
  attributesIn,
  blocksIn,
  cachedAttributes,
  fileBody,
  HclBlock,
  objectEntries,
  staticValue,
  traversalOf,
  Traversal,
} from './syntax';

export type DeclarationKind = 'variable' | 'local' | 'resource' | 'data' | 'module' | 'provider' | 'output';

export interface Declaration<F> {
  kind: DeclarationKind;
  /** `X` for variables, locals, modules, outputs and providers; `T.N` for resources and data sources. */
  name: string;
  /** Resource or data source type, for those kinds. */
  resourceType?: string;
  /** The label or attribute name that names it (the range to rename). */
  nameNode: SyntaxNode;
  /** The whole block (or the attribute, for a local). */
  node: SyntaxNode;
  block?: HclBlock;
  file: F;
}

export interface RequiredProvider<F> {
  localName: string;
  source?: string;
  version?: string;
  /** The node of the version string, for fixes. */
  versionNode?: SyntaxNode;
  /** The entry's value node (`{ source = …, version = … }` or a bare version string). */
  entryNode: SyntaxNode;
  file: F;
}

export type ReferenceKind = 'var' | 'local' | 'data' | 'module' | 'resource';

export interface Reference<F> {
  kind: ReferenceKind;
  /** Same naming as Declaration.name. */
  name: string;
  resourceType?: string;
  traversal: Traversal;
  /** Offsets of the part that names the object (`var.x`, `data.t.n`, `t.n`). */
  start: number;
  end: number;
  /** Offsets of just the final name (`x`, `n`), for renames. */
  nameStart: number;
  nameEnd: number;
  file: F;
}

export interface FileIndex<F> {
  blocks: HclBlock[];
  declarations: Declaration<F>[];
  references: Reference<F>[];
  requiredProviders: RequiredProvider<F>[];
  comments: SyntaxNode[];
}

const INDEXED_TYPES = ['comment', 'variable_expr'];

const NON_REFERENCE_ROOTS = new Set(['count', 'each', 'self', 'path', 'terraform']);

/** The index of one statement tree (see TfFile: one tree per top-level statement). */
export function indexTree<F>(root: SyntaxNode, file: F): FileIndex<F> {
  const blocks = blocksIn(fileBody(root));
  const declarations: Declaration<F>[] = [];
  const requiredProviders: RequiredProvider<F>[] = [];

  for (const block of blocks) {
    const [first, second] = block.labels;
    const firstNode = block.labelNodes[0];
    switch (block.type) {
      case 'variable':
      case 'module':
      case 'output':
        if (first && firstNode) declarations.push({ kind: block.type, name: first, nameNode: firstNode, node: block.node, block, file });
        break;
      case 'provider':
        if (first && firstNode) {
          const alias = staticValue(attribute(block, 'alias')?.value);
          const name = typeof alias === 'string' ? `${first}.${alias}` : first;
          declarations.push({ kind: 'provider', name, nameNode: firstNode, node: block.node, block, file });
        }
        break;
      case 'resource':
      case 'data':
        if (first && second !== undefined && block.labelNodes[1]) {
          declarations.push({
            kind: block.type,
            name: `${first}.${second}`,
            resourceType: first,
            nameNode: block.labelNodes[1],
            node: block.node,
            block,
            file,
          });
        }
        break;
      case 'locals':
        for (const a of attributesIn(block.body)) {
          declarations.push({ kind: 'local', name: a.name, nameNode: a.nameNode, node: a.node, block, file });
        }
        break;
      case 'terraform':
        for (const rp of blocksIn(block.body, 'required_providers')) {
          for (const a of attributesIn(rp.body)) {
            if (!a.value) continue;
            const entries = objectEntries(a.value);
            if (entries) {
              const source = entries.find((e) => e.key === 'source');
              const version = entries.find((e) => e.key === 'version');
              const sourceValue = staticValue(source?.valueNode);
              const versionValue = staticValue(version?.valueNode);
              requiredProviders.push({
                localName: a.name,
                source: typeof sourceValue === 'string' ? sourceValue : undefined,
                version: typeof versionValue === 'string' ? versionValue : undefined,
                versionNode: version?.valueNode,
                entryNode: a.value,
                file,
              });
            } else {
              const legacy = staticValue(a.value);
              requiredProviders.push({
                localName: a.name,
                version: typeof legacy === 'string' ? legacy : undefined,
                versionNode: typeof legacy === 'string' ? a.value : undefined,
                entryNode: a.value,
                file,
              });
            }
          }
        }
        break;
    }
  }

  const references: Reference<F>[] = [];
  const comments: SyntaxNode[] = [];
  // Every `expression` whose first named child is a `variable_expr` is a traversal. Asking tree-sitter for
  // the few node types needed (one call, in document order) costs a fraction of visiting every node from
  // JavaScript, and this runs on every keystroke.
  for (const node of root.descendantsOfType(INDEXED_TYPES)) {
    if (!node) continue;
    if (node.type === 'comment') {
      comments.push(node);
      continue;
    }
    const expression = node.parent;
    if (!expression || expression.type !== 'expression' || expression.firstNamedChild?.id !== node.id) continue;
    const traversal = traversalOf(expression);
    if (traversal) {
      const reference = toReference(traversal, file);
      if (reference) references.push(reference);
    }
  }

  return { blocks, declarations, references, requiredProviders, comments };
}

/** One file's index from its statements' indexes, in document order. */
export function joinIndexes<F>(parts: readonly FileIndex<F>[]): FileIndex<F> {
  if (parts.length === 1) return parts[0];
  const joined: FileIndex<F> = { blocks: [], declarations: [], references: [], requiredProviders: [], comments: [] };
  for (const part of parts) {
    for (const key of ['blocks', 'declarations', 'references', 'requiredProviders', 'comments'] as const) {
      const into = joined[key] as unknown[];
      for (const item of part[key]) into.push(item);
    }
  }
  return joined;
}

/**
 * Moves a statement's index by an edit made wholly before that statement, whose tree was moved by the
 * same edit: every node object the index holds, the children and attribute lists cached on them, and
 * the offsets a reference keeps. Each node moves once, however many paths reach it. The index then
 * equals a fresh one of the moved tree, without asking the tree for anything. A node field added to
 * the index's records must be added here too (test/unit/document.test.ts compares with a fresh index).
 */
export function relocateIndex<F>(index: FileIndex<F>, shift: Shift): void {
  const { delta } = shift;
  const moved = new Set<SyntaxNode>();
  const pending: SyntaxNode[] = [];
  const add = (node: SyntaxNode | null | undefined) => {
    if (node && !moved.has(node)) {
      moved.add(node);
      pending.push(node);
    }
  };
  const addBlock = (block: HclBlock | undefined) => {
    if (!block) return;
    add(block.node);
    add(block.typeNode);
    add(block.body);
    add(block.openBrace);
    add(block.closeBrace);
    for (const label of block.labelNodes) add(label);
  };
  for (const block of index.blocks) addBlock(block);
  for (const d of index.declarations) {
    add(d.nameNode);
    add(d.node);
    addBlock(d.block);
  }
  for (const r of index.references) {
    r.start += delta;
    r.end += delta;
    r.nameStart += delta;
    r.nameEnd += delta;
    add(r.traversal.node);
    add(r.traversal.rootNode);
    for (const step of r.traversal.steps) add(step.node);
  }
  for (const p of index.requiredProviders) {
    add(p.versionNode);
    add(p.entryNode);
  }
  for (const comment of index.comments) add(comment);
  let node: SyntaxNode | undefined;
  while ((node = pending.pop())) {
    const children = moveNode(node, shift);
    if (children) for (const child of children) add(child);
    const attributes = cachedAttributes(node);
    if (attributes) {
      for (const a of attributes) {
        add(a.node);
        add(a.nameNode);
        add(a.value);
      }
    }
  }
}

function toReference<F>(t: Traversal, file: F): Reference<F> | undefined {
  const [s0, s1] = t.steps;
  const start = t.rootNode.startIndex;
  if (NON_REFERENCE_ROOTS.has(t.root) || !s0?.name) return undefined;
  const nameEndOf = (step: { node: SyntaxNode }) => step.node.endIndex;
  const nameStartOf = (step: { node: SyntaxNode }) => step.node.lastNamedChild?.startIndex ?? step.node.startIndex;
  switch (t.root) {
    case 'var':
    case 'local':
    case 'module':
      return {
        kind: t.root,
        name: s0.name,
        traversal: t,
        start,
        end: nameEndOf(s0),
        nameStart: nameStartOf(s0),
        nameEnd: nameEndOf(s0),
        file,
      };
    case 'data':
      if (!s1?.name) return undefined;
      return {
        kind: 'data',
        name: `${s0.name}.${s1.name}`,
        resourceType: s0.name,
        traversal: t,
        start,
        end: nameEndOf(s1),
        nameStart: nameStartOf(s1),
        nameEnd: nameEndOf(s1),
        file,
      };
    default:
      if (!t.root.includes('_')) return undefined;
      return {
        kind: 'resource',
        name: `${t.root}.${s0.name}`,
        resourceType: t.root,
        traversal: t,
        start,
        end: nameEndOf(s0),
        nameStart: nameStartOf(s0),
        nameEnd: nameEndOf(s0),
        file,
      };
  }
}
