import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionItem,
  CompletionRequest,
  CompletionTriggerKind,
  Hover,
  HoverRequest,
  MarkupContent,
  Position,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { TestClient } from './lspClient';

/** The cursor marker in test texts. */
export const CURSOR = '<|>';

export function splitCursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(CURSOR);
  if (offset < 0 || textWithCursor.indexOf(CURSOR, offset + 1) >= 0) throw new Error('the text needs exactly one cursor marker');
  return { text: textWithCursor.replace(CURSOR, ''), offset };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A fresh folder in the temp directory: one Terraform module per case. */
export function moduleDir(prefix = 'coder-dind-editor-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Writes `text` (without the marker) to `dir/name`, opens it in the server and waits until it is linted,
 * so that the module is in memory. Returns the document URI and the cursor position.
 */
export async function openAt(client: TestClient, dir: string, name: string, textWithCursor: string): Promise<{ uri: string; position: Position; text: string }> {
  const { text, offset } = textWithCursor.includes(CURSOR) ? splitCursor(textWithCursor) : { text: textWithCursor, offset: 0 };
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const linted = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  await linted;
  return { uri, position: positionAt(text, offset), text };
}

export async function complete(client: TestClient, uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position,
    context: triggerCharacter
      ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter }
      : { triggerKind: CompletionTriggerKind.Invoked },
  });
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

export async function hoverText(client: TestClient, uri: string, position: Position): Promise<{ text: string; hover: Hover } | undefined> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  if (!hover) return undefined;
  return { text: (hover.contents as MarkupContent).value, hover };
}

export function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

export function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no completion item "${label}" among: ${labels(items).join(', ')}`);
  return found;
}

export function newText(i: CompletionItem): string {
  return (i.textEdit as TextEdit | undefined)?.newText ?? i.insertText ?? i.label;
}

/** The position of the `n`-th occurrence (0-based) of `needle`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  return positionAt(text, index + delta);
}
