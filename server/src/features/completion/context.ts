/** What every completion provider reads: the file, the module, the cursor and the schema there. */
import type { Range } from 'vscode-languageserver';
import type { TfFile } from '../../model/document';
import type { TemplateModule } from '../../model/module';
import { detectMethod } from '../../model/method';
import { Container, templateFacts } from '../../model/containers';
import { lookup, SchemaContext } from '../../schema';
import { methodById } from '../../model/methodCatalog';
import { BlockFrame, CursorContext } from '../cursor';

export class CompletionContext {
  readonly text: string;
  private schema?: SchemaContext | null;

  constructor(
    readonly file: TfFile,
    readonly module: TemplateModule,
    readonly cursor: CursorContext,
  ) {
    this.text = file.text;
  }

  get offset(): number {
    return this.cursor.offset;
  }

  get innermost(): BlockFrame | undefined {
    return this.cursor.blocks[this.cursor.blocks.length - 1];
  }

  /** The schema of the innermost block around the cursor (undefined at the top level). */
  schemaHere(): SchemaContext | undefined {
    if (this.schema === undefined) this.schema = lookup(this.module.schemas, this.cursor.blocks) ?? null;
    return this.schema ?? undefined;
  }

  wordEnd(offset: number): number {
    let end = offset;
    while (end < this.text.length && /[A-Za-z0-9_-]/.test(this.text[end]!)) end++;
    return end;
  }

  range(start: number, end: number = this.wordEnd(this.offset)): Range {
    return this.file.rangeOfOffsets(start, end);
  }

  restOfLine(): string {
    const end = this.text.indexOf('\n', this.offset);
    return this.text.slice(this.offset, end < 0 ? this.text.length : end).replace(/\r$/, '');
  }

  method(): { id: string; title: string } | undefined {
    const detected = detectMethod(this.module);
    return detected ? { id: detected.id, title: methodById(detected.id)?.title ?? detected.id } : undefined;
  }

  /** The container block the cursor is in, from the last analysis of the module. */
  container(): Container | undefined {
    const offset = this.offset;
    return templateFacts(this.module).containers.find((c) => c.file === this.file && c.block.node.startIndex <= offset && offset <= c.block.node.endIndex);
  }
}

export function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
