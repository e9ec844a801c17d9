/** What completion and hover learn about the cursor (cursorContext in index.ts). */

export interface BlockFrame {
  type: string;
  labels: string[];
  /** Attribute and nested block names already written in this block (not counting the one being typed). */
  present: Set<string>;
}

export type CursorPosition =
  /** Typing a block type or attribute name; the word starts at `wordStart`. */
  | { kind: 'body'; wordStart: number }
  /** Inside the quotes of a block label, e.g. `resource "dock|`. */
  | { kind: 'label'; blockType: string; index: number; contentStart: number }
  /** In an attribute's value, outside any string. */
  | { kind: 'expression'; attribute?: string; inTuple: boolean; inInterpolation: boolean }
  /** In a string that is the attribute's value, or an element of its tuple value. */
  | { kind: 'string'; attribute: string; inTuple: boolean; contentStart: number }
  /** At a key of an object that is the attribute's value, e.g. `annotations = { "io.k|`. */
  | { kind: 'mapKey'; attribute: string; inString: boolean; wordStart: number }
  /** In a comment, heredoc text, or somewhere nothing is offered. */
  | { kind: 'none' };

export interface CursorContext {
  source: 'tree' | 'scan';
  offset: number;
  /** Enclosing blocks, outermost first. Empty at the top level. */
  blocks: BlockFrame[];
  position: CursorPosition;
}
