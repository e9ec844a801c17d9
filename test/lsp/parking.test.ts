import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  Hover,
  HoverRequest,
  Location,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';

const TEMPLATE = [
  'data "coder_workspace" "me" {}',
  '',
  'variable "image" {',
  '  description = "Workspace image"',
  '  default     = "codercom/enterprise-base:ubuntu"',
  '}',
  '',
  'locals {',
  '  image = var.image',
  '  other = var.missing',
  '}',
  '',
].join('\n');

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * With a parse budget of one character, every document but the one read last has its trees parked
 * between requests: each answer below comes from a file parsed again on demand, and must be the same as
 * from a file that never left memory.
 */
describe('documents whose trees were parked answer as if they never were', () => {
  let client: TestClient;
  const uris = ['untitled:parked-a.tf', 'untitled:parked-b.tf', 'untitled:parked-c.tf'];
  before(async () => {
    client = new TestClient();
    await client.initialize({ debounceMs: 0, syntaxDebounceMs: 0, parsedTextBudget: 1 });
    for (const uri of uris) {
      const linted = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
      await client.open(uri, TEMPLATE);
      await linted;
    }
    await settle();
  });
  after(() => client.dispose());

  const a = uris[0];
  const at = (line: number, character: number) => ({ textDocument: { uri: a }, position: { line, character } });

  it('hover, definition, outline and completion', async () => {
    const hover = (await client.connection.sendRequest(HoverRequest.type, at(8, 14))) as Hover;
    assert.match(JSON.stringify(hover.contents), /Workspace image/);
    await settle();
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(8, 14))) as Location[];
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[a, 2]]);
    await settle();
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: a } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['data.coder_workspace.me', 'variable "image"', 'locals']);
    await settle();
    const items = (await client.connection.sendRequest(CompletionRequest.type, at(9, 14))) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'image'), JSON.stringify(items.map((i) => i.label)));
  });

  it('a quick fix, computed on a parked document', async () => {
    await settle();
    const [published] = client.published(a).slice(-1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'undefined-reference');
    assert.ok(diagnostic);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: a },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as Array<{ title: string }>;
    assert.ok(actions.some((x) => x.title === 'Declare `variable "missing"`'), JSON.stringify(actions.map((x) => x.title)));
  });

  it('an incremental edit to a parked document applies to its current text', async () => {
    await settle();
    // Line 9 is `  other = var.missing`: make it `var.image`, then the undefined reference is gone.
    const fixed = client.waitForDiagnostics(a, (p) => p.version === 2);
    await client.change(a, 2, [{ range: { start: { line: 9, character: 14 }, end: { line: 9, character: 21 } }, text: 'image' }]);
    const { diagnostics } = await fixed;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'undefined-reference'), []);
    await settle();
    const hover = (await client.connection.sendRequest(HoverRequest.type, at(9, 14))) as Hover;
    assert.match(JSON.stringify(hover.contents), /Workspace image/);
  });
});
