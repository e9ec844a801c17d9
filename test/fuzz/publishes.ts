/**
 * The diagnostics oracles of the LSP check: the hcl-syntax part of the last version's publish is what the
 * Go parser says of its text (or the one limit diagnostic), and every publish has a known version and
 * ranges inside its text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { classifyText, describeSkip } from '../../server/src/service/textLimits';
import type { FuzzClient } from './client';
import { expectedSyntax, publishedSyntax } from './syntaxOracle';
import { MutantRun, startClock, STUCK_MS } from './mutantRun';
import { validRange } from './positions';

/**
 * Opens `text` as version 1, sends `changes`, and waits for the final version's diagnostics: the
 * publish for the final version whose hcl-syntax part is what the Go parser says of the final text.
 * Returns them, and whether the final text parses.
 */
export async function openAndSettle(run: MutantRun, client: FuzzClient, uri: string, text: string, texts: Map<number, string>, changes: Array<{ version: number; changes: TextDocumentContentChangeEvent[] }>): Promise<{ diagnostics: Diagnostic[]; parses: boolean }> {
  client.track(uri);
  const final = changes.length ? changes[changes.length - 1].version : 1;
  const limit = classifyText(texts.get(final)!);
  const expected = limit ? '[]' : JSON.stringify(await expectedSyntax(texts.get(final)!));
  const clock = startClock();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  for (const c of changes) {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: c.version }, contentChanges: c.changes });
  }
  // A text past the analysis limits gets exactly one info diagnostic that says why, and nothing else.
  const matches = limit
    ? (p: { version?: number | null; diagnostics: Diagnostic[] }) => p.version === final && p.diagnostics.length === 1 && p.diagnostics[0].message === describeSkip(limit)
    : (p: { version?: number | null; diagnostics: Diagnostic[] }) => p.version === final && JSON.stringify(publishedSyntax(p.diagnostics)) === expected;
  const settled = await client.until(uri, () => client.published(uri).some(matches), STUCK_MS);
  run.time('diagnostics', ...clock());
  if (!settled) {
    run.fail('hang', 'diagnostics', `no diagnostics with the right hcl-syntax part for version ${final} within ${STUCK_MS} ms (expected ${expected}; publishes: ${JSON.stringify(client.published(uri).map((p) => [p.version, publishedSyntax(p.diagnostics)])).slice(0, 1000)})`);
  }
  const finals = client.published(uri).filter(matches);
  return { diagnostics: finals.length ? finals[finals.length - 1].diagnostics : [], parses: !limit && expected === '[]' };
}

/** Every publish for `uri` so far: versions never go back, ranges fit the text of their version. */
export function checkPublishes(run: MutantRun, client: FuzzClient, uri: string, texts: Map<number, string>): void {
  let last = -Infinity;
  for (const p of client.published(uri)) {
    if (p.version === undefined || p.version === null) continue;
    if (p.version < last) run.fail('invalid', 'publishDiagnostics', `version ${p.version} published after version ${last}`);
    last = Math.max(last, p.version);
    const text = texts.get(p.version);
    if (text === undefined) {
      run.fail('invalid', 'publishDiagnostics', `diagnostics for version ${p.version}, which was never sent`);
      continue;
    }
    const vdoc = TextDocument.create(uri, 'terraform', p.version, text);
    for (const d of p.diagnostics) {
      const bad = validRange(vdoc, d.range);
      if (bad) run.fail('invalid', 'publishDiagnostics', `${d.code}: ${bad}`);
      if (typeof d.message !== 'string' || !d.message) run.fail('invalid', 'publishDiagnostics', `${d.code}: empty message`);
    }
  }
}

