import type { TfFile } from '../../model/document';
import { attributesIn, HclAttribute, HclBlock } from '../../model/syntax';

/** How a file is laid out, for fixes that write in its style: line offsets, indentation, `terraform fmt`'s alignment runs. */

export function lineStartOffset(file: TfFile, offset: number): number {
  return file.lines.starts[file.lines.positionAt(offset).line];
}

export function lineEndOffset(file: TfFile, offset: number): number {
  return file.lines.lineEnd(file.lines.positionAt(offset).line);
}

export function lineIndent(file: TfFile, offset: number): string {
  const line = file.lines.lineText(file.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** indentUnit per file, for the text it was worked out from (fixes ask for it many times per lint). */
const indentOfText = new WeakMap<TfFile, { text: string; unit: string }>();

/** The file's indentation unit: a tab when its blocks are indented with tabs, else two spaces. */
export function indentUnit(file: TfFile): string {
  const known = indentOfText.get(file);
  if (known && known.text === file.text) return known.unit;
  const unit = guessIndentUnit(file);
  indentOfText.set(file, { text: file.text, unit });
  return unit;
}

function guessIndentUnit(file: TfFile): string {
  let smallest = 0;
  for (let line = 0; line < Math.min(file.lines.lineCount, 400); line++) {
    const text = file.lines.lineText(line);
    if (text.startsWith('\t')) return '\t';
    const spaces = /^ */.exec(text)?.[0].length ?? 0;
    if (spaces > 0 && text.trim() && (smallest === 0 || spaces < smallest)) smallest = spaces;
  }
  return ' '.repeat(smallest || 2);
}

function singleLine(file: TfFile, a: HclAttribute): boolean {
  return file.lines.positionAt(a.node.startIndex).line === file.lines.positionAt(a.node.endIndex).line;
}

/** Attributes of a block grouped as `terraform fmt` aligns them: consecutive lines, single-line values. */
function runs(file: TfFile, block: HclBlock): HclAttribute[][] {
  const out: HclAttribute[][] = [];
  let current: HclAttribute[] = [];
  let lastLine = -2;
  for (const child of block.body?.namedChildren ?? []) {
    if (!child) continue;
    const a = child.type === 'attribute' ? attributesIn(block.body).find((x) => x.node.id === child.id) : undefined;
    const line = file.lines.positionAt(child.startIndex).line;
    if (!a || line !== lastLine + 1 || !current.length || !singleLine(file, current[current.length - 1])) {
      if (current.length) out.push(current);
      current = [];
    }
    if (a) current.push(a);
    lastLine = file.lines.positionAt(child.endIndex).line;
  }
  if (current.length) out.push(current);
  return out;
}

export function firstRun(file: TfFile, block: HclBlock): HclAttribute[] {
  return runs(file, block)[0] ?? [];
}

export function leadingRun(file: TfFile, block: HclBlock): HclAttribute[] {
  const first = block.body?.namedChildren[0];
  const run = runs(file, block)[0] ?? [];
  return first && run[0]?.node.id === first.id ? run : [];
}

export function runContaining(file: TfFile, block: HclBlock, target: HclAttribute): HclAttribute[] {
  return runs(file, block).find((r) => r.some((a) => a.node.id === target.node.id)) ?? [target];
}

export function isAligned(file: TfFile, run: HclAttribute[]): boolean {
  if (run.length < 2) return true;
  const columns = run.map((a) => {
    const eq = a.node.children.find((c) => c?.type === '=');
    return eq ? file.lines.positionAt(eq.startIndex).character : -1;
  });
  return columns.every((c) => c === columns[0]);
}
