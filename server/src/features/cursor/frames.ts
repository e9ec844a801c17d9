import type { BlockFrame } from './position';

/** The scanner's stack: what each open bracket, string or block is, innermost last. */
export interface Statement {
  start: number;
  attribute?: string;
}

export type Frame =
  | { kind: 'block'; frame: BlockFrame; statement: Statement }
  | { kind: 'object'; attribute?: string; itemStart: number; afterEquals: boolean }
  | { kind: 'tuple'; attribute?: string }
  | { kind: 'paren' }
  | { kind: 'string'; contentStart: number }
  | { kind: 'heredoc'; marker: string; lineStart: boolean }
  | { kind: 'interpolation' };

export const IDENT = /[A-Za-z0-9_-]/;
export const HEADER = /^\s*([A-Za-z_][\w-]*)((?:\s+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*)\s*$/;
export const TOP_LEVEL_LINE = /^(resource|data|variable|locals|output|module|provider|terraform|moved|import|check)\b/;
