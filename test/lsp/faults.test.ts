import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  PublishDiagnosticsParams,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { checkSyntax, MAX_SYNTAX_PROBLEMS } from '../../server/src/service/hclParser';
import { RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { LanguageService } from '../../server/src/service/languageService';
import { MAX_NESTING_DEPTH } from '../../server/src/service/textLimits';
import { TestClient } from '../helpers/lspClient';

// A Coder template whose one undefined reference (`var.v1`) names the version it was written for.
const template = (name: string, extra = '') => `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_volume" "home" {
  name = var.${name}
}
${extra}`;
const REFERENCE_LINE = 16; // `  name = var.v1`

/** The text every undefined-reference diagnostic of a publish covers, read from the text of its version. */
function referencesIn(p: PublishDiagnosticsParams, textOf: (version: number) => string | undefined): string[] {
  const text = textOf(p.version!);
  assert.ok(text !== undefined, `a publish for version ${p.version}, which was never sent`);
  const doc = TextDocument.create(p.uri, 'terraform', p.version!, text);
  return p.diagnostics.filter((d) => d.code === 'undefined-reference').map((d) => doc.getText(d.range));
}

/** Every request the server may answer for a document, at `position`. Each must answer, possibly with nothing. */
function everyRequest(client: TestClient, uri: string, position: { line: number; character: number }, token?: CancellationTokenSource['token']) {
  const c = client.connection;
  const textDocument = { uri };
  const range = { start: position, end: position };
  return [
    c.sendRequest(CompletionRequest.type, { textDocument, position }, token),
    c.sendRequest(HoverRequest.type, { textDocument, position }, token),
    c.sendRequest(DefinitionRequest.type, { textDocument, position }, token),
    c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }, token),
    c.sendRequest(PrepareRenameRequest.type, { textDocument, position }, token),
    c.sendRequest(RenameRequest.type, { textDocument, position, newName: 'renamed' }, token),
    c.sendRequest(DocumentSymbolRequest.type, { textDocument }, token),
    c.sendRequest(CodeLensRequest.type, { textDocument }, token),
    c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }, token),
    c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [], only: ['source.fixAll'] } }, token),
  ];
}

/** Settles every request: an answer, or one of the refusals the protocol allows (never an internal error). */
async function answers(requests: Array<Promise<unknown>>, allowCancelled = false): Promise<unknown[]> {
  const allowed = new Set<number>([ErrorCodes.MethodNotFound, LSPErrorCodes.RequestFailed, ...(allowCancelled ? [LSPErrorCodes.RequestCancelled] : [])]);
  return Promise.all(
    requests.map((r) =>
      r.catch((error: unknown) => {
        assert.ok(error instanceof ResponseError && allowed.has(error.code), `unexpected error: ${String(error)}`);
        return 'refused';
      }),
    ),
  );
}

describe('language server under protocol faults', () => {
  let client: TestClient;
  let dir: string;
  let n = 0;
  const fresh = () => pathToFileURL(path.join(dir, `case${++n}`, 'main.tf')).href; // folders that do not exist: modules of one file
  const failures = () => client.logs.filter((l) => /failed/i.test(l));

  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-faults-'));
  });
  after(() => client.dispose());

  it('answers requests for a document it never saw', async () => {
    const uri = fresh();
    for (const result of await answers(everyRequest(client, uri, { line: 3, character: 4 }))) {
      assert.ok(result === null || result === 'refused' || (Array.isArray(result) && result.length === 0), `got ${JSON.stringify(result)}`);
    }
    assert.deepEqual(failures(), []);
  });

  it('answers requests for a closed document and ignores edits to it', async () => {
    const uri = fresh();
    const published = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, template('v1'));
    await published;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    await cleared;
    const before = client.published(uri).length;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    for (const result of await answers(everyRequest(client, uri, { line: REFERENCE_LINE, character: 12 }))) {
      assert.ok(result === null || result === 'refused' || (Array.isArray(result) && result.length === 0), `got ${JSON.stringify(result)}`);
    }
    assert.equal(client.published(uri).length, before, 'diagnostics published for a closed document');
    assert.deepEqual(failures(), []);
  });

  it('takes positions and edit ranges past the end of the document', async () => {
    const uri = fresh();
    const text = template('v1');
    let settled = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text);
    await settled;
    for (const position of [
      { line: 10_000, character: 0 },
      { line: 0, character: 100_000 },
      { line: REFERENCE_LINE, character: 2 ** 31 - 1 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ]) {
      await answers(everyRequest(client, uri, position));
    }
    // An edit whose range ends past the end, and one whose range is inverted, are applied without a failure.
    settled = client.waitForDiagnostics(uri, (p) => p.version === 3);
    await client.change(uri, 2, [{ range: { start: { line: 20, character: 0 }, end: { line: 900, character: 900 } }, text: '\n# appended\n' }]);
    await client.change(uri, 3, [{ range: { start: { line: 5, character: 3 }, end: { line: 2, character: 1 } }, text: '' }]);
    await settled;
    await answers(everyRequest(client, uri, { line: 3, character: 3 }));
    assert.deepEqual(failures(), []);
  });

  it('ignores a version older than one it has (the newer text wins)', async () => {
    const uri = fresh();
    const texts = new Map([[1, template('v1')], [3, template('v3')], [2, template('v2')]]);
    const third = client.waitForDiagnostics(uri, (p) => p.version === 3 && referencesIn(p, (v) => texts.get(v)).includes('var.v3'));
    await client.open(uri, texts.get(1)!);
    await client.change(uri, 3, [{ text: texts.get(3)! }]);
    await client.change(uri, 2, [{ text: texts.get(2)! }]); // late and out of order
    await third;
    // A configuration change makes the server lint what it holds again: still version 3's text. (It
    // changes a severity: diagnostics that did not change are not sent again.)
    client.settings = { rules: { 'undefined-reference': 'warning' } };
    const relinted = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference' && d.severity === 2));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await relinted;
    client.settings = { rules: {} };
    for (const p of client.published(uri)) {
      assert.notEqual(p.version, 2, 'diagnostics for the out-of-order version');
      if (p.version === 3) assert.deepEqual(referencesIn(p, (v) => texts.get(v)), ['var.v3']);
    }
    assert.equal(client.published(uri).at(-1)!.version, 3);
  });

  it('survives cancellation of requests in flight', async () => {
    const uri = fresh();
    const settled = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, template('v1'));
    await settled;
    for (let round = 0; round < 20; round++) {
      const source = new CancellationTokenSource();
      const pending = everyRequest(client, uri, { line: REFERENCE_LINE, character: 10 + (round % 5) }, source.token);
      source.cancel();
      await answers(pending, true);
    }
    // And it still answers afterwards.
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(lenses));
    assert.deepEqual(failures(), []);
  });

  it('after 100 edits in a burst publishes the last state, and never a stale one', async () => {
    const uri = fresh();
    const doc = TextDocument.create(uri, 'terraform', 1, template('v1'));
    const texts = new Map([[1, doc.getText()]]);
    const last = client.waitForDiagnostics(uri, (p) => p.version === 101 && referencesIn(p, (v) => texts.get(v)).includes('var.v101'));
    await client.open(uri, doc.getText());
    for (let version = 2; version <= 101; version++) {
      // Rename the reference to `var.v<version>`: each version's diagnostics say which text they were computed on.
      const line = doc.getText().split('\n')[REFERENCE_LINE];
      const change: TextDocumentContentChangeEvent = {
        range: { start: { line: REFERENCE_LINE, character: line.indexOf('var.') }, end: { line: REFERENCE_LINE, character: line.length } },
        text: `var.v${version}`,
      };
      TextDocument.update(doc, [change], version);
      texts.set(version, doc.getText());
      void client.change(uri, version, [change]);
    }
    await last;
    await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }); // a round trip: later publishes are in
    let previous = 0;
    for (const p of client.published(uri)) {
      assert.ok(p.version! >= previous, `version ${p.version} published after version ${previous}`);
      previous = p.version!;
      assert.deepEqual(referencesIn(p, (v) => texts.get(v)), [`var.v${p.version}`], `a publish for version ${p.version} with another version's findings`);
    }
    assert.equal(previous, 101);
  });

  it('after a burst that breaks and mends the syntax, never publishes a stale hcl-syntax result', async () => {
    const uri = fresh();
    const doc = TextDocument.create(uri, 'terraform', 1, template('v1'));
    await client.open(uri, doc.getText());
    // Odd versions have a stray `= =` on the last line (a syntax error), even ones do not.
    const broken = new Map<number, boolean>([[1, false]]);
    const texts = new Map<number, string>([[1, doc.getText()]]);
    for (let version = 2; version <= 101; version++) {
      const end = doc.positionAt(doc.getText().length);
      const change: TextDocumentContentChangeEvent =
        version % 2 === 1
          ? { range: { start: end, end }, text: 'oops = =\n' }
          : { range: { start: { line: end.line - 1, character: 0 }, end }, text: '' };
      TextDocument.update(doc, [change], version);
      broken.set(version, doc.getText().includes('oops = ='));
      texts.set(version, doc.getText());
      void client.change(uri, version, [change]);
    }
    assert.equal(broken.get(101), true);
    await client.waitForDiagnostics(uri, (p) => p.version === 101 && p.diagnostics.some((d) => d.code === 'hcl-syntax'));
    await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    for (const p of client.published(uri)) {
      const syntax = p.diagnostics.filter((d) => d.code === 'hcl-syntax');
      if (!broken.get(p.version!)) assert.deepEqual(syntax, [], `hcl-syntax findings published for version ${p.version}, which parses`);
      const oops = texts.get(p.version!)!.split('\n').indexOf('oops = =');
      for (const d of syntax) assert.equal(d.range.start.line, oops, `version ${p.version}: ${d.message}`);
    }
    assert.equal(client.published(uri).at(-1)!.version, 101);
  });

  it('applies a configuration change made while linting', async () => {
    const uri = fresh();
    client.settings = { rules: {} };
    const texts = new Map([[1, template('v1')], [2, template('v2')], [3, template('v3')]]);
    await client.open(uri, texts.get(1)!);
    await client.change(uri, 2, [{ text: texts.get(2)! }]);
    client.settings = { rules: { 'undefined-reference': 'off' } };
    void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    void client.change(uri, 3, [{ text: texts.get(3)! }]);
    const off = client.waitForDiagnostics(uri, (p) => p.version === 3 && referencesIn(p, (v) => texts.get(v)).length === 0);
    await off;
    await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const lastPublish = client.published(uri).at(-1)!;
    assert.equal(lastPublish.version, 3);
    assert.deepEqual(referencesIn(lastPublish, (v) => texts.get(v)), [], 'the last publish still has the rule turned off');
    client.settings = { rules: {} };
    assert.deepEqual(failures(), []);
  });

  it('outlines deeply nested blocks without overflowing the stack, and degrades past the nesting limit', async () => {
    // Within the analysis limit: the outline stops at its own depth limit.
    const uri = fresh();
    const settled = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, `${'b {\n'.repeat(MAX_NESTING_DEPTH)}${'}\n'.repeat(MAX_NESTING_DEPTH)}`);
    await settled;
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as Array<{ children?: unknown[] }> | null;
    assert.ok(Array.isArray(symbols) && symbols.length === 1);
    let depth = 0;
    for (let s: { children?: unknown[] } | undefined = symbols[0]; s; s = s.children?.[0] as { children?: unknown[] } | undefined) depth++;
    assert.ok(depth > 10 && depth < MAX_NESTING_DEPTH, `outline depth ${depth}`);
    // Past it (5,000 levels): one info diagnostic, and requests answer with nothing.
    const deep = fresh();
    const degraded = client.waitForDiagnostics(deep, (p) => p.version === 1);
    await client.open(deep, `${'b {\n'.repeat(5000)}${'}\n'.repeat(5000)}`);
    const { diagnostics } = await degraded;
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /nest 5000 levels deep/);
    const none = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: deep } });
    assert.ok(none === null || (Array.isArray(none) && none.length === 0));
    assert.deepEqual(failures(), []);
  });

  it('does not give the Go HCL parser 5,000 nested brackets', async () => {
    const deep = new TfFile('/virtual/deep.tf', `deep = ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    assert.match((await checkSyntax(deep))[0].message, /nests 5000 levels deep, more than the 500/);
    deep.dispose();
    const ordinary = fresh();
    const checked = client.waitForDiagnostics(ordinary, (p) => p.diagnostics.some((d) => d.code === 'hcl-syntax'));
    await client.open(ordinary, 'a = {\n  b = \n}\n');
    assert.match(String((await checked).diagnostics.find((d) => d.code === 'hcl-syntax')!.message), /^Invalid expression: Expected the start of an expression/);
    assert.deepEqual(failures(), []);
  });

  it('keeps checking syntax after the Go HCL parser overflowed its stack', () => {
    // With a small stack, 450 nested brackets (under the depth limit) overflow inside Go every time.
    // The runtime that overflowed is corrupt: before it was replaced, the next parse never answered
    // (the Go program died with "fatal error: malloc deadlock") and the CLI exited 0 with no output.
    const script = `
      const { TfFile } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/model/document'))});
      const { initParser } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/model/parser'))});
      const { checkSyntax } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/service/hclParser'))});
      (async () => {
        await initParser();
        const deep = 'deep = ' + '['.repeat(450) + ']'.repeat(450) + '\\n';
        const out = [];
        for (const text of [deep, 'a = {\\n  b = \\n}\\n', deep, 'a = 1\\n']) {
          out.push((await checkSyntax(new TfFile('/virtual/main.tf', text))).map((r) => r.message));
        }
        console.log('RESULT ' + JSON.stringify(out));
      })();`;
    const child = spawnSync(process.execPath, ['--stack-size=100', '--import', 'tsx', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', timeout: 120_000 });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    assert.ok(line, `no result (exit ${child.status}): ${child.stderr.slice(-2000)}`);
    const [first, second, third, fourth] = JSON.parse(line.slice('RESULT '.length)) as string[][];
    assert.match(first[0], /^Terraform's HCL parser could not check this file: Maximum call stack size exceeded/);
    assert.equal(second.length, 1);
    assert.match(second[0], /^Invalid expression: Expected the start of an expression/);
    assert.match(third[0], /could not check this file/);
    assert.deepEqual(fourth, []);
    assert.doesNotMatch(child.stderr, /fatal error|already exited/);
  });
});

describe('language service core', () => {
  before(() => initParser());

  it('keeps no state of the documents it closed', async () => {
    const service = new LanguageService({ publish: () => undefined, log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0 });
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-closed-'));
    for (let i = 0; i < 50; i++) {
      const uri = pathToFileURL(path.join(dir, `m${i}`, 'main.tf')).href;
      service.didOpen(uri, template(`v${i}`), 1);
      await service.flush();
      service.didClose(uri);
    }
    await service.flush();
    // Private maps, read on purpose: each closed document used to leave its findings and settings behind.
    const state = service as unknown as Record<string, Map<unknown, unknown>>;
    for (const name of ['settingsCache', 'uris']) assert.equal(state[name].size, 0, `${name} keeps ${state[name].size} entries`);
    for (const [name, size] of Object.entries(service.diagnostics.stateSizes())) assert.equal(size, 0, `diagnostics: ${name} keeps ${size} entries`);
    service.dispose();
  });

  it('publishes no inverted range for a bare, odd block label', async () => {
    // Found by the fuzzer: agent-not-started took the inside of the quotes of a label that had none.
    const published: Diagnostic[][] = [];
    const service = new LanguageService({ publish: (_, d) => published.push(d), log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0 });
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-label-'));
    service.didOpen(pathToFileURL(path.join(dir, 'main.tf')).href, '\ufeffresource "coder_agent"\u00df "main" {\n}\n', 1);
    await service.flush();
    const all = published.flat();
    assert.ok(all.some((d) => d.code === 'agent-not-started'));
    for (const d of all) {
      const { start, end } = d.range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.code}: inverted range ${JSON.stringify(d.range)}`);
    }
    service.dispose();
  });

  it('lints a module once per edit however many code actions are asked for', async () => {
    // Found by the fuzzer: 25 code-action requests on a 100,000-character line re-linted it 25 times.
    let runs = 0;
    const counting: Rule = { meta: { id: 'counting', defaultSeverity: 'hint', description: 'test rule', fixable: false, messages: {}, tags: ['syntax'] }, check: () => void runs++ };
    const service = new LanguageService({ publish: () => undefined, log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0, rules: [counting, ...RULES] });
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-actions-'));
    const uri = pathToFileURL(path.join(dir, 'main.tf')).href;
    service.didOpen(uri, template('v1'), 1);
    await service.flush();
    const range = { start: { line: REFERENCE_LINE, character: 9 }, end: { line: REFERENCE_LINE, character: 15 } };
    const before = runs;
    for (let i = 0; i < 10; i++) await service.codeActions({ textDocument: { uri }, range, context: { diagnostics: [] } });
    assert.equal(runs - before, 1);
    service.didChange(uri, 2, [{ text: template('v2') }]);
    await service.flush();
    const afterEdit = runs;
    for (let i = 0; i < 10; i++) await service.codeActions({ textDocument: { uri }, range, context: { diagnostics: [] } });
    assert.equal(runs - afterEdit, 1, 'a new text is linted again');
    service.dispose();
  });

  it('reports at most 100 hcl-syntax problems for a line of garbage', async () => {
    // Found by the fuzzer: a 100,000-character line of stray characters gave 6,077 problems, and turning
    // each one's column into UTF-16 walked the line again (30 s).
    const file = new TfFile('/virtual/main.tf', `x = 1\n${'\u0001 '.repeat(3000)}\n`); // 3,001 problems from the Go parser
    const reports = await checkSyntax(file);
    assert.equal(reports.length, MAX_SYNTAX_PROBLEMS);
    file.dispose();
  });

  it('logs the failing rule once, skips it, and still runs the others', async () => {
    const throwing: Rule = {
      meta: { id: 'always-throws', defaultSeverity: 'error', description: 'test rule', fixable: false, messages: {}, tags: ['syntax'] },
      check() {
        throw new Error('boom from the test rule');
      },
    };
    const logs: string[] = [];
    const published: Array<{ uri: string; diagnostics: Diagnostic[]; version: number | undefined }> = [];
    const service = new LanguageService({
      publish: (uri, diagnostics, version) => published.push({ uri, diagnostics, version }),
      log: (m) => logs.push(m),
      settings: async () => ({ rules: {} }),
      debounceMs: 0,
      syntaxDebounceMs: 0,
      rules: [throwing, ...RULES],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-throwing-'));
    for (let i = 0; i < 3; i++) {
      const uri = pathToFileURL(path.join(dir, `m${i}`, 'main.tf')).href;
      service.didOpen(uri, template('v1'), 1);
      await service.flush();
      service.didChange(uri, 2, [{ text: template('v2') }]);
      await service.flush();
      const last = published.filter((p) => p.uri === uri).at(-1)!;
      assert.equal(last.version, 2);
      assert.deepEqual(
        last.diagnostics.filter((d) => d.code === 'undefined-reference').map((d) => d.range.start.line),
        [REFERENCE_LINE],
        'the other rules still run',
      );
      assert.ok(!last.diagnostics.some((d) => d.code === 'always-throws'));
    }
    const mentions = logs.filter((l) => l.includes('always-throws'));
    assert.equal(mentions.length, 1, `logged ${mentions.length} times: ${JSON.stringify(logs)}`);
    assert.match(mentions[0], /Rule always-throws failed and was skipped: Error: boom from the test rule/);
    service.dispose();
  });
});
