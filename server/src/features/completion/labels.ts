/** Completion of block labels: resource and data source types (with their required contents), provider names. */
import { CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver';
import { PROVIDER_NAMES, providerInfo } from '../../schema';
import { resourceMarkdown } from '../schemaDocs';
import type { CompletionContext } from './context';
import { bodySnippet } from './snippets';

export function labelCompletion(c: CompletionContext, blockType: string, index: number, contentStart: number): CompletionItem[] {
  if (c.cursor.blocks.length > 0 || index !== 0) return [];
  if (blockType === 'provider') {
    return PROVIDER_NAMES.map((name) => ({
      label: name,
      kind: CompletionItemKind.Module,
      detail: providerInfo(name)?.source,
      textEdit: TextEdit.replace(c.range(contentStart), name),
    }));
  }
  if (blockType !== 'resource' && blockType !== 'data') return [];
  const rest = c.restOfLine();
  const afterWord = rest.slice(c.wordEnd(c.offset) - c.offset);
  // Only the type when the header already goes on; the whole block when the line ends here.
  const wholeBlock = /^"?\s*$/.test(afterWord);
  const end = c.wordEnd(c.offset) + (wholeBlock && afterWord.startsWith('"') ? 1 : 0);
  const closed = /^[^"\n]*"/.test(afterWord);
  const set = c.module.schemas;
  return set.types(blockType).map((schema) => {
    const newText = wholeBlock
      ? `${schema.name}" "\${1:${blockType === 'data' ? 'me' : 'main'}}" {\n${bodySnippet(schema.block, 1, { next: 2 })}\t$0\n}`
      : `${schema.name}${closed ? '' : '"'}`;
    const choice = set.choice(schema.release.provider);
    return {
      label: schema.name,
      kind: CompletionItemKind.Class,
      detail: `${schema.kind === 'data' ? 'data source' : 'resource'} · ${schema.release.source} ${schema.release.version}${choice.admitted ? '' : ' (nearest bundled release)'}`,
      documentation: { kind: MarkupKind.Markdown, value: resourceMarkdown(schema) },
      tags: schema.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      sortText: `${schema.deprecated ? 1 : 0}_${schema.name}`,
      insertTextFormat: wholeBlock ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(c.range(contentStart, end), newText),
    };
  });
}
