import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { classifyText, decode, describeSkip } from '../../server/src/service/textLimits';
import { fileUri, MutantRun, startClock, STUCK_MS } from './mutantRun';
import type { FuzzClient } from './client';
import { expectedSyntax, publishedSyntax } from './syntaxOracle';

/**
 * The mutant as a closed file of a module (module-wide diagnostics): written to disk beside a clean
 * template that is opened, and again into a local module folder (`modules/app`) that nothing opens but
 * that the template calls (`module "app" { source = "./modules/app" }`), so the caller's rules read the
 * mutant as a child module (its inputs, outputs, agents, containers and method).
 * The server must publish the closed mutant's diagnostics (no version) with every range inside its text
 * and an `hcl-syntax` part that is what the Go parser says of it (or the one information diagnostic of a
 * text it does not analyse), publish nothing for the module folder, and clear the mutant when the
 * template closes.
 */
export async function checkClosedFile(run: MutantRun, client: FuzzClient, tmpRoot: string, id: string, bytes: Buffer, companion: string): Promise<void> {
  const dir = path.join(tmpRoot, `m${id}`);
  const main = path.join(dir, 'main.tf');
  const closed = path.join(dir, 'mutant.tf');
  const child = path.join(dir, 'modules', 'app', 'main.tf');
  const [mainUri, closedUri, childUri] = [main, closed, child].map(fileUri);
  mkdirSync(path.dirname(child), { recursive: true });
  companion = `${companion}\n\nmodule "app" {\n  source = "./modules/app"\n}\n`;
  writeFileSync(main, companion);
  writeFileSync(closed, bytes);
  writeFileSync(child, bytes);
  for (const uri of [mainUri, closedUri, childUri]) client.track(uri);
  try {
    const text = decode(bytes);
    const skip = text === undefined ? describeSkip({ kind: 'binary' }) : (() => {
      const reason = classifyText(text);
      return reason && describeSkip(reason);
    })();
    const expected = skip ? undefined : JSON.stringify(await expectedSyntax(text!));
    const matches = (p: { diagnostics: Diagnostic[] }) =>
      skip ? p.diagnostics.length === 1 && p.diagnostics[0].message === skip : JSON.stringify(publishedSyntax(p.diagnostics)) === expected;

    const clock = startClock();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: mainUri, languageId: 'terraform', version: 1, text: companion } });
    // A file's first publish is sent even when it is empty.
    const settled = await client.until(closedUri, () => client.published(closedUri).some(matches), STUCK_MS);
    run.time('closed file', ...clock());
    if (!settled) {
      run.fail('hang', 'closed file', `no diagnostics for the closed file within ${STUCK_MS} ms (expected ${skip ?? expected}; publishes: ${JSON.stringify(client.published(closedUri).map((p) => publishedSyntax(p.diagnostics))).slice(0, 800)})`);
    }
    for (const p of client.published(closedUri)) {
      if (p.version !== undefined && p.version !== null) run.fail('invalid', 'closed file', `a closed file published with version ${p.version}`);
    }
    checkRanges(run, client.published(closedUri), TextDocument.create(closedUri, 'terraform', 0, text ?? ''));
    // The caller reads the mutant as its local module: whatever that gives, its ranges stay in its text.
    checkRanges(run, client.published(mainUri), TextDocument.create(mainUri, 'terraform', 1, companion));
    if (client.published(childUri).some((p) => p.diagnostics.length)) run.fail('invalid', 'closed file', 'diagnostics for a local module folder with no open document');

    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: mainUri } });
    const cleared = await client.until(closedUri, () => !client.published(closedUri).at(-1)?.diagnostics.length, STUCK_MS);
    if (!cleared) run.fail('invalid', 'closed file', 'the closed file keeps its diagnostics after its folder closed');
  } finally {
    for (const uri of [mainUri, closedUri, childUri]) client.forget(uri);
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkRanges(run: MutantRun, publishes: Array<{ diagnostics: Diagnostic[] }>, doc: TextDocument): void {
  for (const p of publishes) {
    for (const d of p.diagnostics) {
      const { start, end } = d.range;
      const inside = (q: typeof start) => q.line >= 0 && q.character >= 0 && q.line < doc.lineCount;
      if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
        run.fail('invalid', 'closed file', `${d.code}: range ${JSON.stringify(d.range)} outside or inverted in ${path.basename(doc.uri)}, a text of ${doc.lineCount} lines`);
      }
    }
  }
}
