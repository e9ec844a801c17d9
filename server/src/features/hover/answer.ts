import type { SyntaxNode } from '../../model/parser';

/** What to show, over a node or an offset span. */
export interface Answer {
  markdown: string;
  node?: SyntaxNode;
  start?: number;
  end?: number;
}
