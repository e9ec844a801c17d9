import type { TfFile } from '../model/document';
import type { SyntaxNode } from '../model/parser';
import { attributesIn, HclAttribute, HclBlock } from '../model/syntax';
import type { Fix } from './types';
import type { TextEdit } from '../model/text';
import { firstRun, indentUnit, isAligned, leadingRun, lineEndOffset, lineIndent, lineStartOffset, runContaining } from './fixes/layout';

export { indentUnit, lineEndOffset, lineIndent, lineStartOffset };

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

  /**
   * A block written on one line (`resource "x" "y" { name = "n" }`) takes one argument only, so additions
   * rewrite it over several lines: its content, then (or before) the new lines, aligned.
   */
  private expandOneLineBlock(file: TfFile, block: HclBlock, before: Array<[string, string]>, after: Array<[string, string]>, rawAfter: string[] = []): boolean {
    const open = block.openBrace;
    const close = block.closeBrace;
    if (!open || !close || !block.body || !block.body.namedChildCount) return false;
    if (file.lines.positionAt(open.startIndex).line !== file.lines.positionAt(close.startIndex).line) return false;
    const eol = file.lines.eol;
    const unit = indentUnit(file);
    const blockIndent = lineIndent(file, block.node.startIndex);
    const inner = blockIndent + unit;
    const existing = attributesIn(block.body).map((a): [string, string] => [a.name, a.value ? file.text.slice(a.value.startIndex, a.value.endIndex) : '']);
    const content = file.text.slice(open.endIndex, close.startIndex).trim();
    const pairs = existing.length === 1 && block.body.namedChildCount === 1 ? [...before, ...existing, ...after] : [...before, ...after];
    const width = Math.max(0, ...pairs.map(([n]) => n.length));
    const render = ([n, v]: [string, string]) => `${inner}${n.padEnd(width)} = ${v}`;
    const lines =
      existing.length === 1 && block.body.namedChildCount === 1
        ? pairs.map(render)
        : [...before.map(render), `${inner}${content}`, ...after.map(render)];
    lines.push(...rawAfter.map((l) => (l ? inner + l.replace(/^ +/, (sp) => unit.repeat(sp.length / 2)) : '')));
    this.replace(file, open.endIndex, close.startIndex, `${eol}${lines.join(eol)}${eol}${blockIndent}`);
    return true;
  }

  /** Adds `name = value` to a block: after its last attribute of the first run, or first when `first`. */
  insertAttribute(file: TfFile, block: HclBlock, name: string, value: string, position: 'first' | 'last' = 'last'): this {
    if (this.expandOneLineBlock(file, block, position === 'first' ? [[name, value]] : [], position === 'first' ? [] : [[name, value]])) return this;
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
      // At the end of the line before, so that this insertion never shares a position with the
      // re-alignment of the first attribute's own line (editors refuse edits that touch like that).
      const line = file.lines.positionAt(run[0].node.startIndex).line;
      if (line > 0 && line - 1 > file.lines.positionAt(block.node.startIndex).line - 1) {
        const at = file.lines.lineEnd(line - 1);
        return this.replace(file, at, at, `${eol}${indent}${padded} = ${value}`);
      }
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
    if (this.expandOneLineBlock(file, block, [], [], lines)) return this;
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

  /**
   * Adds several `name = value` attributes at once (after the block's first run of attributes), aligned
   * together with that run. Calling `insertAttribute` twice on one block would realign it twice.
   */
  insertAttributes(file: TfFile, block: HclBlock, entries: Array<[string, string]>): this {
    if (entries.length === 1) return this.insertAttribute(file, block, entries[0][0], entries[0][1]);
    if (!entries.length) return this;
    if (this.expandOneLineBlock(file, block, [], entries)) return this;
    const eol = file.lines.eol;
    const blockIndent = lineIndent(file, block.node.startIndex);
    const innerIndent = blockIndent + indentUnit(file);
    const run = block.body ? firstRun(file, block) : [];
    const aligned = isAligned(file, run);
    const width = Math.max(...entries.map(([n]) => n.length), ...(aligned ? run.map((a) => a.name.length) : []));
    const indent = run.length ? lineIndent(file, run[0].node.startIndex) : innerIndent;
    const lines = entries.map(([n, v]) => `${indent}${n.padEnd(width)} = ${v}`);
    if (!block.body || !block.body.namedChildCount) {
      const open = block.openBrace;
      const close = block.closeBrace;
      if (!open || !close) return this;
      return this.replace(file, open.endIndex, close.startIndex, `${eol}${lines.join(eol)}${eol}${blockIndent}`);
    }
    if (!run.length) {
      const firstChild = block.body.namedChildren[0];
      if (!firstChild) return this;
      const at = lineStartOffset(file, firstChild.startIndex);
      return this.replace(file, at, at, `${lines.join(eol)}${eol}`);
    }
    if (aligned) this.realign(file, run, width);
    const at = lineEndOffset(file, run[run.length - 1].node.endIndex);
    return this.replace(file, at, at, `${eol}${lines.join(eol)}`);
  }

  /**
   * Adds `key = value` to an object expression `{ … }` (e.g. `metadata.annotations`): on its own line,
   * aligned with the entries above it, when the object is written one entry per line; inline otherwise.
   * `key` is given as it should be written (quoted or not).
   */
  insertObjectEntry(file: TfFile, object: SyntaxNode, key: string, value: string): this {
    const open = object.children.find((c) => c?.type === 'object_start');
    const close = object.children.find((c) => c?.type === 'object_end');
    if (!open || !close) return this;
    const elements = object.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'object_elem');
    const eol = file.lines.eol;
    const lineOf = (offset: number) => file.lines.positionAt(offset).line;
    const last = elements[elements.length - 1];
    if (!last) {
      const indent = lineIndent(file, object.startIndex);
      return this.replace(file, open.endIndex, close.startIndex, `${eol}${indent}${indentUnit(file)}${key} = ${value}${eol}${indent}`);
    }
    if (lineOf(last.endIndex) === lineOf(close.startIndex)) {
      return this.replace(file, last.endIndex, last.endIndex, `, ${key} = ${value}`);
    }
    // The run terraform fmt aligns: consecutive single-line entries ending with the last one.
    const run: SyntaxNode[] = [last];
    for (let i = elements.length - 2; i >= 0; i--) {
      const e = elements[i];
      if (lineOf(e.endIndex) !== lineOf(e.startIndex) || lineOf(e.endIndex) + 1 !== lineOf(run[0].startIndex)) break;
      run.unshift(e);
    }
    const parts = run.map((e) => {
      const keyNode = e.namedChildren.find((c) => c?.type === 'expression');
      const eq = e.children.find((c) => c?.type === '=');
      return keyNode && eq ? { keyEnd: keyNode.endIndex, eq: eq.startIndex, keyLength: keyNode.endIndex - keyNode.startIndex } : undefined;
    });
    const single = lineOf(last.startIndex) === lineOf(last.endIndex);
    const columns = parts.map((p) => (p ? file.lines.positionAt(p.eq).character : -1));
    const aligned = single && parts.every((p) => p) && columns.every((c) => c === columns[0]);
    let padded = key;
    if (aligned) {
      const width = Math.max(key.length, ...parts.map((p) => p!.keyLength));
      for (const p of parts) {
        const wanted = ' '.repeat(width - p!.keyLength + 1);
        if (file.text.slice(p!.keyEnd, p!.eq) !== wanted) this.replace(file, p!.keyEnd, p!.eq, wanted);
      }
      padded = key.padEnd(width);
    }
    const at = lineEndOffset(file, last.endIndex);
    return this.replace(file, at, at, `${eol}${lineIndent(file, last.startIndex)}${padded} = ${value}`);
  }

  /** Appends several elements to a tuple in one edit, in the given order (see `appendToList`). */
  appendElementsToList(file: TfFile, tuple: SyntaxNode, elements: string[]): this {
    if (elements.length <= 1) return elements.length ? this.appendToList(file, tuple, elements[0]) : this;
    const items = tuple.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
    const last = items[items.length - 1];
    const close = tuple.children.find((c) => c?.type === 'tuple_end');
    const multiline = !!last && !!close && file.lines.positionAt(last.startIndex).line !== file.lines.positionAt(close.startIndex).line;
    const separator = multiline && last ? `,${file.lines.eol}${lineIndent(file, last.startIndex)}` : ', ';
    return this.appendToList(file, tuple, elements.join(separator));
  }

  /** Replaces an attribute by another one in place (`privileged = true` → `runtime = "sysbox-runc"`), keeping the run aligned. */
  replaceAttribute(file: TfFile, block: HclBlock, target: HclAttribute, name: string, value: string): this {
    const run = runContaining(file, block, target);
    const others = run.filter((a) => a.node.id !== target.node.id);
    const aligned = others.length > 0 && isAligned(file, run);
    const width = Math.max(name.length, ...others.map((a) => a.name.length));
    if (aligned) this.realign(file, others, width);
    return this.replaceNode(file, target.node, `${aligned ? name.padEnd(width) : name} = ${value}`);
  }

  /**
   * An edit that leaves [start, end) as it is. Its only effect: `compatibleFixes` will not apply this fix in
   * the same pass as another fix that edits inside that range, so the later one is computed again on the
   * text this one leaves (e.g. a count added to a resource this fix starts referring to).
   */
  holdRange(file: TfFile, start: number, end: number): this {
    return this.replace(file, start, end, file.text.slice(start, end));
  }
}
