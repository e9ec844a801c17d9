import type { TfFile } from '../model/document';
import type { Range } from '../model/text';

const LINE_DIRECTIVE = /^\s*(?:#|\/\/)\s*coder-dind-ignore:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
const FILE_DIRECTIVE = /^\s*(?:#|\/\/)\s*coder-dind-ignore-file:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/**
 * The suppression comments of a file (RULES.md "Suppression"): `# coder-dind-ignore: <ids>` on the line
 * before a finding or as the first line inside a block; `# coder-dind-ignore-file: <ids>` for the file.
 */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string>>();
  private readonly fileWide = new Set<string>();
  /** Ranges of blocks whose first line is an ignore comment, with the rules it names. */
  private readonly blockRanges: Array<{ start: number; end: number; rules: Set<string> }> = [];

  constructor(file: TfFile) {
    for (const comment of file.index.comments) {
      const text = comment.text;
      const fileMatch = FILE_DIRECTIVE.exec(text);
      if (fileMatch) {
        for (const id of split(fileMatch[1])) this.fileWide.add(id);
        continue;
      }
      const lineMatch = LINE_DIRECTIVE.exec(text);
      if (!lineMatch) continue;
      const rules = new Set(split(lineMatch[1]));
      const line = file.positionAt(comment.startIndex).line;
      this.byLine.set(line, rules);
      // First line inside a block: the comment sits before anything else of the block's body.
      const parent = comment.parent;
      let block = undefined as typeof parent | undefined;
      if (parent?.type === 'block') {
        const body = parent.namedChildren.find((c) => c?.type === 'body');
        if (!body || comment.startIndex < body.startIndex) block = parent;
      } else if (parent?.type === 'body' && parent.firstChild?.id === comment.id && parent.parent?.type === 'block') {
        block = parent.parent;
      }
      if (block) {
        this.blockRanges.push({
          start: file.positionAt(block.startIndex).line,
          end: file.positionAt(block.endIndex).line,
          rules,
        });
      }
    }
  }

  suppresses(rule: string, range: Range): boolean {
    if (this.fileWide.has(rule)) return true;
    if (this.byLine.get(range.start.line - 1)?.has(rule)) return true;
    return this.blockRanges.some((b) => b.rules.has(rule) && range.start.line >= b.start && range.start.line <= b.end);
  }
}

function split(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The comment line that "Ignore <rule> here" inserts above a finding, indented like that line. */
export function ignoreCommentFor(file: TfFile, line: number, rule: string): { line: number; text: string } {
  const previous = line > 0 ? file.lines.lineText(line - 1) : '';
  const existing = LINE_DIRECTIVE.exec(previous);
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))?.[0] ?? '';
  if (existing) {
    return { line: line - 1, text: `${previous.replace(/\s*$/, '')}, ${rule}` };
  }
  return { line, text: `${indent}# coder-dind-ignore: ${rule}` };
}
