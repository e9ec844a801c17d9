import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { MAX_LINE_LENGTH, MAX_NESTING_DEPTH } from '../../server/src/service/textLimits';
import { TestClient } from '../helpers/lspClient';

const TEMPLATE = 'data "coder_workspace" "me" {}\n\nlocals {\n  x = var.missing\n}\n';

describe('texts past the analysis limits', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.dispose());

  it('a deeply nested document gets one info diagnostic, answers requests at once, and comes back when fixed', async () => {
    const uri = 'untitled:deep.tf';
    const deep = `locals {\n  x = ${'['.repeat(MAX_NESTING_DEPTH + 50)}${']'.repeat(MAX_NESTING_DEPTH + 50)}\n}\n`;
    const first = client.waitForDiagnostics(uri);
    await client.open(uri, TEMPLATE + deep);
    const { diagnostics } = await first;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 3);
    assert.match(String(diagnostics[0].message), /nest \d+ levels deep/);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 10 } });
    assert.ok(items === null || (Array.isArray(items) && items.length === 0));
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 10 } }), null);
    // Delete the nested part with an incremental edit: the document is analysed again.
    const lines = (TEMPLATE + deep).split('\n');
    const deepLine = lines.findIndex((l) => l.startsWith('  x = ['));
    const back = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.change(uri, 2, [{ range: { start: { line: deepLine, character: 6 }, end: { line: deepLine, character: lines[deepLine].length } }, text: '1' }]);
    await back;
  });

  it('an edit that adds a very long line degrades an analysed document', async () => {
    const uri = 'untitled:long.tf';
    const first = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.open(uri, TEMPLATE);
    await first;
    const degraded = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && /characters long/.test(String(p.diagnostics[0].message)));
    await client.change(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: `# ${'x'.repeat(MAX_LINE_LENGTH + 1)}\n` }]);
    await degraded;
  });
});
