import type { TfFile } from '../model/document';
import type { Position } from '../model/text';
import type { Report, RuleMeta } from './types';

/**
 * `hcl-syntax` asks the Go HCL parser (`@cdktf/hcl2json`, compiled to WebAssembly) — the parser Terraform
 * itself uses — so its messages and ranges are Terraform's. It is slower than tree-sitter and async, so it
 * runs off the keystroke path (the server debounces it; the CLI awaits it).
 */
export const hclSyntaxMeta: RuleMeta = {
  id: 'hcl-syntax',
  defaultSeverity: 'error',
  description: 'Terraform\'s HCL parser rejects the file.',
  fixable: false,
  allModules: true,
};

type Hcl2Json = { parse(name: string, text: string): Promise<unknown> };
let hcl2json: Hcl2Json | undefined;

function parser(): Hcl2Json {
  // Loaded on first use: instantiating the Go runtime costs more than a cold start should.
  hcl2json ??= require('@cdktf/hcl2json') as Hcl2Json;
  return hcl2json;
}

/** The name under which the text is parsed; the messages carry it, and it must not clash with the regex. */
const VIRTUAL_NAME = 'template.tf';
const DIAGNOSTIC = /template\.tf:(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]+?); (.*?)(?=\s+template\.tf:\d+,\d+-(?:\d+,)?\d+: |\]$|$)/gs;

export interface SyntaxProblem {
  summary: string;
  detail: string;
  start: Position;
  end: Position;
}

/** Parses `parse config: [file:L,C-L,C: Summary; Detail …]` into problems with LSP positions. */
export function parseHclErrors(message: string, file: TfFile): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const m of message.matchAll(DIAGNOSTIC)) {
    const startLine = Number(m[1]) - 1;
    const startColumn = Number(m[2]) - 1;
    const endLine = m[3] !== undefined ? Number(m[3]) - 1 : startLine;
    const endColumn = Number(m[4]) - 1;
    const start = { line: startLine, character: utf16Column(file, startLine, startColumn) };
    let end = { line: endLine, character: utf16Column(file, endLine, endColumn) };
    if (end.line === start.line && end.character <= start.character) end = { line: start.line, character: start.character + 1 };
    problems.push({ summary: m[5].trim(), detail: m[6].trim(), start, end });
  }
  return problems;
}

/** HCL counts columns in characters; LSP in UTF-16 code units. */
function utf16Column(file: TfFile, line: number, characters: number): number {
  if (line >= file.lines.lineCount) return 0;
  const text = file.lines.lineText(line);
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= characters) break;
    units += ch.length;
    seen++;
  }
  return units + Math.max(0, characters - seen);
}

export async function checkSyntax(file: TfFile, text = file.text): Promise<Report[]> {
  try {
    await parser().parse(VIRTUAL_NAME, text);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problems = parseHclErrors(message, file);
    if (!problems.length) {
      return [{ file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `Terraform's HCL parser rejects this file: ${message.replace(/^parse config: /, '')}` }];
    }
    return problems.map((p) => ({
      file,
      range: { start: p.start, end: p.end },
      message: `${p.summary}: ${p.detail}`,
    }));
  }
}
