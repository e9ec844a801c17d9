import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import type { TemplateModule } from '../model/module';
import type { Declaration } from '../model/fileIndex';
import { attributesIn, HclAttribute, HclBlock } from '../model/syntax';
import type { Fix } from './types';
import type { TextEdit } from '../model/text';

/**
 * Builds the text edits of a fix in the file's own style: its line breaks, its indentation unit, and
 * `terraform fmt`'s alignment of `=` within a run of single-line attributes.
 */
export class FixBuilder {
  private readonly edits = new Map<string, TextEdit[]>();

  constructor(readonly title: string) {}

  add(file: TfFile, edit: TextEdit): this {
    const list = this.edits.get(file.path);
    if (list) list.push(edit);
    else this.edits.set(file.path, [edit]);
    return this;
  }

  replace(file: TfFile, start: number, end: number, text: string): this {
    return this.add(file, { range: file.rangeOfOffsets(start, end), newText: text });
  }

  replaceNode(file: TfFile, node: SyntaxNode, text: string): this {
    return this.replace(file, node.startIndex, node.endIndex, text);
  }

  /** Adds `name = value` to a block: after its last attribute of the first run, or first when `first`. */
  insertAttribute(file: TfFile, block: HclBlock, name: string, value: string, position: 'first' | 'last' = 'last'): this {
    const eol = file.lines.eol;
    const unit = indentUnit(file);
    const blockIndent = lineIndent(file, block.node.startIndex);
    const innerIndent = blockIndent + unit;
    const attributes = attributesIn(block.body);
    if (!block.body || (!attributes.length && !block.body.namedChildCount)) {
      // `{}` or `{\n}`: open the block.
      const open = block.openBrace;
      const close = block.closeBrace;
      if (!open || !close) return this;
      return this.replace(file, open.endIndex, close.startIndex, `${eol}${innerIndent}${name} = ${value}${eol}${blockIndent}`);
    }
    const run = position === 'first' ? leadingRun(file, block) : firstRun(file, block);
    if (!run.length) {
      // No attribute yet (only nested blocks): insert on a new line at the top of the body.
      const firstChild = block.body.namedChildren[0];
      if (!firstChild) return this;
      const at = lineStartOffset(file, firstChild.startIndex);
      return this.replace(file, at, at, `${innerIndent}${name} = ${value}${eol}`);
    }
    const indent = lineIndent(file, run[0].node.startIndex);
    const width = Math.max(name.length, ...run.map((a) => a.name.length));
    const aligned = isAligned(file, run);
    if (aligned) this.realign(file, run, width);
    const padded = aligned ? name.padEnd(width) : name;
    if (position === 'first') {
      const at = lineStartOffset(file, run[0].node.startIndex);
      return this.replace(file, at, at, `${indent}${padded} = ${value}${eol}`);
    }
    const last = run[run.length - 1];
    const at = lineEndOffset(file, last.node.endIndex);
    return this.replace(file, at, at, `${eol}${indent}${padded} = ${value}`);
  }

  /** Removes an attribute with its whole line, and re-aligns the run it leaves. */
  removeAttribute(file: TfFile, block: HclBlock, target: HclAttribute): this {
    const start = lineStartOffset(file, target.node.startIndex);
    const endLine = file.lines.positionAt(target.node.endIndex).line;
    const end = endLine + 1 < file.lines.lineCount ? file.lines.starts[endLine + 1] : file.text.length;
    const ownLine = file.text.slice(start, target.node.startIndex).trim() === '' && file.text.slice(target.node.endIndex, file.lines.lineEnd(endLine)).trim().replace(/^(#|\/\/).*$/, '') === '';
    if (!ownLine) return this.replaceNode(file, target.node, '');
    this.replace(file, start, end, '');
    const run = runContaining(file, block, target).filter((a) => a.node.id !== target.node.id);
    if (run.length && isAligned(file, runContaining(file, block, target))) {
      this.realign(file, run, Math.max(...run.map((a) => a.name.length)));
    }
    return this;
  }

  /** Adds a nested block (given as lines without indentation) at the end of a block's body. */
  insertBlock(file: TfFile, block: HclBlock, lines: string[]): this {
    const eol = file.lines.eol;
    const unit = indentUnit(file);
    const blockIndent = lineIndent(file, block.node.startIndex);
    const inner = blockIndent + unit;
    const text = lines.map((l) => (l ? inner + l.replace(/^ +/, (s) => unit.repeat(s.length / 2)) : '')).join(eol);
    const close = block.closeBrace;
    if (!close) return this;
    if (!block.body || !block.body.namedChildCount) {
      const open = block.openBrace;
      if (!open) return this;
      return this.replace(file, open.endIndex, close.startIndex, `${eol}${text}${eol}${blockIndent}`);
    }
    const at = lineEndOffset(file, block.body.endIndex);
    return this.replace(file, at, at, `${eol}${text}`);
  }

  /** Appends an element to a tuple `[…]`, one per line when the tuple is written so, else inline. */
  appendToList(file: TfFile, tuple: SyntaxNode, element: string): this {
    const elements = tuple.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
    const close = tuple.children.find((c) => c?.type === 'tuple_end');
    if (!close) return this;
    const last = elements[elements.length - 1];
    if (!last) return this.replace(file, close.startIndex, close.startIndex, element);
    const multiline = file.lines.positionAt(last.startIndex).line !== file.lines.positionAt(close.startIndex).line;
    const afterLast = file.text.slice(last.endIndex, close.startIndex);
    const trailingComma = afterLast.trimStart().startsWith(',');
    if (multiline) {
      const indent = lineIndent(file, last.startIndex);
      const at = trailingComma ? last.endIndex + afterLast.indexOf(',') + 1 : last.endIndex;
      return this.replace(file, at, at, `${trailingComma ? '' : ','}${file.lines.eol}${indent}${element}${trailingComma ? ',' : ''}`);
    }
    return this.replace(file, last.endIndex, last.endIndex, `, ${element}`);
  }

  private realign(file: TfFile, run: HclAttribute[], width: number): void {
    for (const a of run) {
      const eq = a.node.children.find((c) => c?.type === '=');
      if (!eq) continue;
      const wanted = a.name.padEnd(width) + ' ';
      const current = file.text.slice(a.nameNode.startIndex, eq.startIndex);
      if (current !== wanted) this.replace(file, a.nameNode.startIndex, eq.startIndex, wanted);
    }
  }

  build(): Fix {
    return { title: this.title, edits: Object.fromEntries(this.edits) };
  }
}

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

/** The file's indentation unit: a tab when its blocks are indented with tabs, else two spaces. */
export function indentUnit(file: TfFile): string {
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

function firstRun(file: TfFile, block: HclBlock): HclAttribute[] {
  return runs(file, block)[0] ?? [];
}

function leadingRun(file: TfFile, block: HclBlock): HclAttribute[] {
  const first = block.body?.namedChildren[0];
  const run = runs(file, block)[0] ?? [];
  return first && run[0]?.node.id === first.id ? run : [];
}

function runContaining(file: TfFile, block: HclBlock, target: HclAttribute): HclAttribute[] {
  return runs(file, block).find((r) => r.some((a) => a.node.id === target.node.id)) ?? [target];
}

function isAligned(file: TfFile, run: HclAttribute[]): boolean {
  if (run.length < 2) return true;
  const columns = run.map((a) => {
    const eq = a.node.children.find((c) => c?.type === '=');
    return eq ? file.lines.positionAt(eq.startIndex).character : -1;
  });
  return columns.every((c) => c === columns[0]);
}

/**
 * Adds `count = <expression>` at the top of a resource and indexes every reference to it with `[0]`,
 * so that the template keeps working with the count (RULES.md `workspace-start-count`, `sidecar-lifecycle`).
 */
export function addCountFix(builder: FixBuilder, module: TemplateModule, resource: Declaration, countExpression: string): FixBuilder {
  const block = resource.block;
  if (!block) return builder;
  builder.insertAttribute(resource.file, block, 'count', countExpression, 'first');
  for (const reference of module.references) {
    if (reference.kind !== 'resource' || reference.name !== resource.name) continue;
    const next = reference.traversal.steps[1];
    if (next && next.name === undefined) continue; // already indexed
    builder.replace(reference.file, reference.end, reference.end, '[0]');
  }
  return builder;
}
