/** Completion of names in a block body: arguments, nested blocks, meta-arguments, top-level blocks. */
import { CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import { BlockSchema, knownMapKeys, knownValues, LANGUAGE_BLOCKS, Owner, PROVIDER_NAMES, providerInfo, settableAttributes } from '../../schema';
import type { BlockFrame } from '../cursor';
import { attributeDetail, attributeMarkdown, blockLimits, blockMarkdown, entryInfo } from '../schemaDocs';
import { moduleInputItems } from '../modules';
import { LANGUAGE_SNIPPETS, PROVIDER_VERSION_HINTS } from '../terraformLanguage';
import { CompletionContext, snippetEscape } from './context';
import { bodySnippet, valueSnippet } from './snippets';

const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function bodyCompletion(c: CompletionContext, wordStart: number): CompletionItem[] {
  const range = c.range(wordStart);
  const frame = c.innermost;
  if (!frame) return topLevelItems(range);
  const outer = c.cursor.blocks[0]!;
  if (outer.type === 'terraform' && frame.type === 'required_providers') return requiredProviders(frame, range);
  const ctx = c.schemaHere();
  if (!ctx?.body) return [];
  if (c.cursor.blocks.length === 1 && outer.type === 'module' && outer.labels[0] !== undefined) {
    const inputs = moduleInputItems(c.module, outer.labels[0], frame.present, range);
    const meta = bodyItems(ctx.body, frame.present, range, undefined, false).map((item) => ({ ...item, sortText: `3_${item.label}`, detail: `${item.detail} · meta-argument` }));
    return [...inputs, ...meta];
  }
  // Terraform's own bodies (dynamic, lifecycle…) inside a resource take their notes from the language, not the type.
  const owner = ctx.language ? undefined : ctx.owner;
  const items = bodyItems(ctx.body, frame.present, range, owner, owner !== undefined && owner.path.length === 0);
  if (ctx.meta) {
    for (const item of bodyItems(ctx.meta, frame.present, range, undefined, false)) {
      if (items.some((i) => i.label === item.label)) continue;
      items.push({ ...item, sortText: `3_${item.label}`, detail: `${item.detail} · meta-argument` });
    }
  }
  return items;
}

function topLevelItems(range: Range): CompletionItem[] {
  return LANGUAGE_BLOCKS.filter((b) => LANGUAGE_SNIPPETS[b.name]).map((b) => {
    const snippet = LANGUAGE_SNIPPETS[b.name]!;
    return {
      label: b.name,
      kind: CompletionItemKind.Keyword,
      detail: 'block',
      documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(b, { note: b.note, docsUrl: b.docsUrl }) },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, snippet.snippet),
      command: snippet.retrigger ? TRIGGER_SUGGEST : undefined,
    };
  });
}

function requiredProviders(frame: BlockFrame, range: Range): CompletionItem[] {
  return PROVIDER_NAMES.filter((name) => !frame.present.has(name)).flatMap((name) => {
    const info = providerInfo(name);
    if (!info) return [];
    const version = PROVIDER_VERSION_HINTS[name] ?? '';
    return [
      {
        label: name,
        kind: CompletionItemKind.Module,
        detail: info.source,
        documentation: { kind: MarkupKind.Markdown, value: `${info.description}\n\n[Documentation](${info.docsUrl})` },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: TextEdit.replace(range, `${name} = {\n\tsource  = "${info.source}"\n\tversion = "${version ? `\${1:${snippetEscape(version)}}` : '$1'}"\n}`),
      },
    ];
  });
}

/** The arguments and blocks of a body not written yet (a repeatable block is always offered). */
export function bodyItems(body: BlockSchema, present: Set<string>, range: Range, owner: Owner | undefined, topLevel: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const a of settableAttributes(body, topLevel)) {
    if (present.has(a.name)) continue;
    const path = owner ? owner.path : [];
    const values = owner ? knownValues(owner.kind, owner.type, path, a.name, a) : [];
    const keys = owner ? knownMapKeys(owner.kind, owner.type, path, a.name) : [];
    items.push({
      label: a.name,
      kind: CompletionItemKind.Property,
      detail: attributeDetail(a),
      documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(a, entryInfo(owner, a, false)) },
      tags: a.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      sortText: `${a.required ? 0 : a.deprecated ? 4 : 1}_${a.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, `${a.name} = ${valueSnippet(a, 1, values.length > 0, keys.length > 0)}`),
      command: values.length || keys.length ? TRIGGER_SUGGEST : undefined,
    });
  }
  for (const b of body.blocks.values()) {
    if (b.maxItems === 1 && present.has(b.name)) continue;
    const required = b.minItems > 0;
    const labels = b.labels ? ` "\${1:${b.name === 'provisioner' ? 'local-exec' : 'name'}}"` : '';
    items.push({
      label: b.name,
      kind: CompletionItemKind.Struct,
      detail: `block${blockLimits(b)}${b.deprecated ? ' · deprecated' : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(b, entryInfo(owner, b, true)) },
      tags: b.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      sortText: `${required ? 0 : 2}_${b.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, `${b.name}${labels} {\n${bodySnippet(b.block, 1, { next: labels ? 2 : 1 })}\t$0\n}`),
    });
  }
  return items;
}
