import type { SyntaxNode } from '../parser';

/** Expressions: static values, objects, tuples, templates and traversals; half-written text gives undefined. */

/** Strips the `expression` wrapper and parentheses. */
export function unwrap(node: SyntaxNode | undefined | null): SyntaxNode | undefined {
  let n = node ?? undefined;
  while (n && (n.type === 'expression' || n.type === 'literal_value' || n.type === 'collection_value') && n.namedChildCount === 1) {
    const only: SyntaxNode | null = n.namedChildren[0];
    if (!only) break;
    n = only;
  }
  return n;
}

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

/**
 * The value of an expression when it is known without evaluation: literals, quoted strings without
 * interpolation, heredocs without interpolation, tuples and objects of those. Undefined otherwise.
 */
export function staticValue(node: SyntaxNode | undefined | null): StaticValue | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  switch (n.type) {
    case 'numeric_lit':
      return Number(n.text);
    case 'bool_lit':
      return n.text === 'true';
    case 'null_lit':
      return null;
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template':
    case 'template_expr': {
      const parts = templateParts(n);
      if (parts.some((p) => p.kind !== 'text')) return undefined;
      return parts.map((p) => p.text).join('');
    }
    case 'tuple': {
      const out: StaticValue[] = [];
      for (const child of n.namedChildren) {
        if (!child || child.type !== 'expression') continue;
        const v = staticValue(child);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: { [key: string]: StaticValue } = {};
      for (const element of n.namedChildren) {
        if (!element || element.type !== 'object_elem') continue;
        const [keyNode, valueNode] = element.namedChildren.filter((c) => c?.type === 'expression');
        const key = objectKey(keyNode);
        const v = staticValue(valueNode);
        if (key === undefined || v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** An object element's key: a bare identifier or a static string. */
export function objectKey(node: SyntaxNode | undefined | null): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'variable_expr' && n.namedChildCount === 1) return n.text;
  const v = staticValue(n);
  return typeof v === 'string' ? v : undefined;
}

export interface ObjectEntry {
  key: string;
  keyNode: SyntaxNode;
  valueNode?: SyntaxNode;
  node: SyntaxNode;
}

/** The elements of an object expression `{ k = v, … }`. */
export function objectEntries(node: SyntaxNode | undefined | null): ObjectEntry[] | undefined {
  const n = unwrap(node);
  if (!n || n.type !== 'object') return undefined;
  const out: ObjectEntry[] = [];
  for (const element of n.namedChildren) {
    if (!element || element.type !== 'object_elem') continue;
    const [keyNode, valueNode] = element.namedChildren.filter((c) => c?.type === 'expression');
    const key = objectKey(keyNode);
    if (key === undefined || !keyNode) continue;
    out.push({ key, keyNode, valueNode: valueNode ?? undefined, node: element });
  }
  return out;
}

/** The element expressions of a tuple `[a, b]`. */
export function tupleElements(node: SyntaxNode | undefined | null): SyntaxNode[] | undefined {
  const n = unwrap(node);
  if (!n || n.type !== 'tuple') return undefined;
  return n.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
}

export interface TemplatePart {
  kind: 'text' | 'interpolation' | 'directive';
  /** For text: the literal text; otherwise the source of the `${…}` / `%{…}`. */
  text: string;
  node: SyntaxNode;
}

/** The pieces of a quoted string or heredoc, in order. */
export function templateParts(node: SyntaxNode): TemplatePart[] {
  const out: TemplatePart[] = [];
  const visit = (n: SyntaxNode): void => {
    for (const child of n.namedChildren) {
      if (!child) continue;
      switch (child.type) {
        case 'template_literal':
          out.push({ kind: 'text', text: child.text, node: child });
          break;
        case 'template_interpolation':
          out.push({ kind: 'interpolation', text: child.text, node: child });
          break;
        case 'template_directive':
          out.push({ kind: 'directive', text: child.text, node: child });
          break;
        case 'quoted_template':
        case 'heredoc_template':
        case 'string_lit':
        case 'template_expr':
          visit(child);
          break;
      }
    }
  };
  visit(node);
  return out;
}

export interface TraversalStep {
  /** Attribute name for `.name`, or the static key for `["key"]` / `[0]`. */
  name?: string;
  index?: number | string;
  node: SyntaxNode;
}

export interface Traversal {
  root: string;
  rootNode: SyntaxNode;
  steps: TraversalStep[];
  /** The whole expression (root plus steps). */
  node: SyntaxNode;
}

/** A reference expression such as `data.coder_workspace.me.owner` or `docker_container.x[0].name`. */
export function traversalOf(expression: SyntaxNode): Traversal | undefined {
  const children = expression.namedChildren;
  const first = children[0];
  if (!first || first.type !== 'variable_expr') return undefined;
  const rootNode = first.namedChildren[0];
  if (!rootNode) return undefined;
  const steps: TraversalStep[] = [];
  for (let i = 1; i < children.length; i++) {
    const child = children[i];
    if (!child) break;
    if (child.type === 'get_attr') {
      const id = child.namedChildren.find((c) => c?.type === 'identifier');
      if (!id) break;
      steps.push({ name: id.text, node: child });
    } else if (child.type === 'index') {
      const inner = child.namedChildren[0];
      const key = inner?.type === 'legacy_index' ? inner.text.slice(1) : staticValue(inner?.namedChildren.find((c) => c?.type === 'expression'));
      const index = typeof key === 'number' || typeof key === 'string' ? (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key) : undefined;
      steps.push({ index, node: child });
    } else {
      break;
    }
  }
  return { root: rootNode.text, rootNode, steps, node: expression };
}

/** Calls `visit` for every node of a subtree, depth first; return false to skip a node's children. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const cursor = node.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const keepGoing = visit(cursor.currentNode);
      if (keepGoing !== false && cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    let climbed = false;
    while (cursor.gotoParent()) {
      if (cursor.currentNode.id === node.id) {
        cursor.delete();
        return;
      }
      if (cursor.gotoNextSibling()) {
        climbed = true;
        break;
      }
    }
    if (!climbed) {
      cursor.delete();
      return;
    }
    descend = true;
  }
}

/**
 * Whether `name` may stand after a `.` in an expression (`var.<name>`, `data.<type>.<name>`): it
 * must be an identifier there, or the fix breaks a file that parsed. Declaration labels are strings and
 * may hold anything (`data "coder_workspace_owner" "\uFFFDme" {}` parses), so a label is checked before
 * it is copied into a reference. Fixes, completion and rename all ask. ASCII only: HCL also takes letters beyond ASCII, but
 * by the Unicode tables of the Go parser, which are older than V8's (`\p{ID_Start}` takes U+1E030, the
 * Go parser rejects it).
 */
export function isReferenceName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}
