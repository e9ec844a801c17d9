/**
 * Findings of the schema rules, computed once per top-level statement and kept with its tree: a
 * keystroke re-parses one statement, so only that statement's findings are looked for again (see
 * model/schemaWalk.ts). A kept finding holds its span relative to the statement's start, and builds its
 * fixes when it is reported, from the statement as it is then.
 */
import type { TemplateModule } from '../../model/module';
import type { SyntaxNode } from '../../model/parser';
import { SchemaStatement, schemaStatements, SchemaVisit, visitsOf } from '../../model/schemaWalk';
import type { HclBlock } from '../../model/syntax';
import type { TfFile } from '../../model/document';
import type { Fix, MessageData, Report } from '../types';

/** What a fix is built from: the module and the statement as they are when the finding is reported. */
export interface FixEnv {
  module: TemplateModule;
  file: TfFile;
  /** The statement's start now: add it to a kept span. */
  base: number;
  /** The statement's visits now, in the same order as when the finding was made. */
  visits(): SchemaVisit[];
}

/** A finding kept with its statement; `MessageId` is the finding rule's, so the compiler checks the id. */
export interface Kept<MessageId extends string = string> {
  /** `[start, end)` relative to the statement's start. */
  span: [number, number];
  messageId: MessageId;
  data?: MessageData;
  fix?: (env: FixEnv) => Fix | undefined;
  suggestions?: (env: FixEnv) => Fix[] | undefined;
}

/** A statement as a rule reads it when it looks for findings. */
export interface StatementView {
  statement: SchemaStatement;
  /** The statement's start in the file now. */
  base: number;
  visits(): SchemaVisit[];
}

/**
 * Reports what `find` finds in each statement, looking only in statements it has not seen. `find` is kept
 * by identity: pass a function declared once per rule, never a fresh closure.
 */
export function reportKept<MessageId extends string>(
  module: TemplateModule,
  find: (view: StatementView) => Kept<MessageId>[],
  report: (r: Report<MessageId>) => void,
): void {
  for (const statement of schemaStatements(module)) {
    let found = statement.memo.get(find) as Kept<MessageId>[] | undefined;
    if (!found) {
      found = find({ statement, base: statement.block.node.startIndex, visits: () => visitsOf(module, statement) });
      statement.memo.set(find, found);
    }
    if (!found.length) continue;
    const file = statement.file;
    const base = statement.block.node.startIndex;
    const env: FixEnv = { module, file, base, visits: () => visitsOf(module, statement) };
    for (const k of found) {
      report({
        file,
        range: file.rangeOfOffsets(base + k.span[0], base + k.span[1]),
        messageId: k.messageId,
        data: k.data,
        fix: k.fix?.(env),
        suggestions: k.suggestions?.(env),
      });
    }
  }
}

/** A node's span relative to the statement. */
export function spanOf(view: StatementView, node: SyntaxNode, inset = 0): [number, number] {
  return [node.startIndex - view.base + inset, node.endIndex - view.base - inset];
}

/** A block's header, `type "label" …`, relative to the statement. */
export function headerSpan(view: StatementView, block: HclBlock): [number, number] {
  const last = block.labelNodes[block.labelNodes.length - 1] ?? block.typeNode;
  return [block.node.startIndex - view.base, last.endIndex - view.base];
}
