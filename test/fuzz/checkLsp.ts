/** The language-server check of one mutant: edits, every request at random places, every fix applied and re-opened. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionRequest,
  CodeLensRequest,
  Command,
  CompletionRequest,
  DefinitionRequest,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { FuzzClient } from './client';
import { MutantRun } from './mutantRun';
import { randomEdit, randomPosition, validRange } from './positions';
import type { Rng } from './prng';
import { checkPublishes, openAndSettle } from './publishes';

export interface LspPlan {
  /** Distinct fixed texts re-opened per mutant (every fix is applied; these many are re-linted). */
  reopen: number;
  /** Lean (long runs): at most one edit, one completion, one hover, one other request, actions on ≤ 5 diagnostics. */
  lean: boolean;
}

const FAILED_LOG = /failed/i;

/** Opens the mutant, edits it, asks for everything at random places, applies every fix, re-opens some. */
export async function checkLsp(run: MutantRun, client: FuzzClient, dirUri: string, id: string, text: string, rng: Rng, plan: LspPlan): Promise<void> {
  const uri = `${dirUri}/m${id}.tf`;
  const opened: string[] = [uri];
  try {
    const doc = TextDocument.create(uri, 'terraform', 1, text);
    const texts = new Map<number, string>([[1, text]]);
    const changes: Array<{ version: number; changes: TextDocumentContentChangeEvent[] }> = [];
    for (let n = rng.int(plan.lean ? 2 : 4), v = 2; n > 0; n--, v++) {
      // Each change's range refers to the text after the previous change of the same notification.
      const applied: TextDocumentContentChangeEvent[] = [];
      for (let k = rng.range(1, 2); k > 0; k--) {
        const c = randomEdit(doc, rng);
        TextDocument.update(doc, [c], v);
        applied.push(c);
      }
      changes.push({ version: v, changes: applied });
      texts.set(v, doc.getText());
    }
    const { diagnostics, parses } = await openAndSettle(run, client, uri, text, texts, changes);

    for (let k = plan.lean ? 1 : 3; k > 0; k--) {
      const position = randomPosition(doc, rng);
      const result = await run.request(client, 'completion', () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      const items = Array.isArray(result) ? result : result?.items ?? [];
      for (const item of items) {
        if (typeof item.label !== 'string') run.fail('invalid', 'completion', `item without a label: ${JSON.stringify(item).slice(0, 200)}`);
        const edit = item.textEdit;
        const range = edit ? ('range' in edit ? edit.range : edit.replace) : undefined;
        const bad = range && validRange(doc, range);
        if (bad) run.fail('invalid', 'completion', `${item.label}: ${bad}`);
        for (const e of item.additionalTextEdits ?? []) {
          const b = validRange(doc, e.range);
          if (b) run.fail('invalid', 'completion', `${item.label} additional edit: ${b}`);
        }
      }
    }
    for (let k = plan.lean ? 1 : 2; k > 0; k--) {
      const position = randomPosition(doc, rng);
      const hover = await run.request(client, 'hover', () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
      if (hover && !hover.contents) run.fail('invalid', 'hover', 'hover without contents');
      if (hover?.range) {
        const bad = validRange(doc, hover.range);
        if (bad) run.fail('invalid', 'hover', bad);
      }
    }
    const others: Array<() => Promise<unknown>> = [
      () => run.request(client, 'definition', () => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng) })),
      async () => {
        const symbols = await run.request(client, 'documentSymbol', () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
        for (const s of symbols ?? []) {
          const range = 'range' in s ? s.range : s.location.range;
          const bad = validRange(doc, range);
          if (bad) run.fail('invalid', 'documentSymbol', `${s.name}: ${bad}`);
        }
      },
      async () => {
        const renamed = await run.request(client, 'rename', () =>
          client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng), newName: rng.pick(['x', 'new_name', '', '"', 'a b', '\u{1F600}']) }),
        );
        for (const e of renamed?.changes?.[uri] ?? []) {
          const bad = validRange(doc, e.range);
          if (bad) run.fail('invalid', 'rename', bad);
        }
      },
      () => run.request(client, 'prepareRename', () => client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng) })),
      () =>
        run.request(client, 'references', () =>
          client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: randomPosition(doc, rng), context: { includeDeclaration: true } }),
        ),
      () => run.request(client, 'codeLens', () => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })),
    ];
    if (plan.lean) await rng.pick(others)();
    else for (const other of others) await other();

    // Code actions on every diagnostic (and fix-all); every edit is applied to the current text.
    const actions: CodeAction[] = [];
    for (const d of diagnostics.slice(0, plan.lean ? 5 : 25)) {
      const result = await run.request(client, 'codeAction', () =>
        client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }),
      );
      for (const a of result ?? []) if (!Command.is(a)) actions.push(a);
    }
    const fixAll = await run.request(client, 'codeAction', () =>
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) },
        context: { diagnostics, only: ['source.fixAll'] },
      }),
    );
    for (const a of fixAll ?? []) if (!Command.is(a)) actions.push(a);
    const fixed = new Set<string>();
    for (const a of actions) {
      const edits: TextEdit[] = a.edit?.changes?.[uri] ?? [];
      for (const e of edits) {
        const bad = validRange(doc, e.range);
        if (bad) run.fail('invalid', 'codeAction', `"${a.title}": ${bad}`);
      }
      if (!edits.length) continue;
      try {
        const result = TextDocument.applyEdits(doc, edits);
        if (result !== doc.getText()) fixed.add(result);
      } catch (error) {
        run.fail('invalid', 'codeAction', `"${a.title}" cannot be applied: ${(error as Error).message}`);
      }
    }

    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    checkPublishes(run, client, uri, texts);
    const candidates = [...fixed];
    for (let j = 0; j < plan.reopen && candidates.length; j++) {
      const next = candidates.splice(rng.int(candidates.length), 1)[0];
      const fixUri = `${dirUri}/m${id}-fix${j}.tf`;
      opened.push(fixUri);
      const fixedTexts = new Map([[1, next]]);
      const after = await openAndSettle(run, client, fixUri, next, fixedTexts, []);
      if (parses && !after.parses) {
        run.fail('invalid', 'codeAction', `a fix turns a file that parsed into one that does not: ${after.diagnostics.find((d) => d.code === 'hcl-syntax')?.message}`);
      }
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fixUri } });
      checkPublishes(run, client, fixUri, fixedTexts);
    }
    // A round trip, so that the log lines of everything above have arrived.
    await run.request(client, 'codeLens', () => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
  } finally {
    for (const u of opened) client.forget(u);
    for (const line of client.logs.splice(0)) if (FAILED_LOG.test(line)) run.fail('crash', 'server log', line);
  }
}
