import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbol, DocumentSymbolRequest, SymbolKind } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { moduleDir, openAt } from '../helpers/editorCases';

const TEMPLATE = `terraform {
  required_providers {
    docker = { source = "kreuzwerker/docker" }
  }
}

variable "image" {
  default = "codercom/enterprise-base:ubuntu"
}

locals {
  username = "coder"
  home     = "/home/\${local.username}"
}

data "coder_workspace" "me" {}

resource "docker_container" "workspace" {
  image   = var.image
  runtime = "sysbox-runc"
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
  dynamic "labels" {
    for_each = {}
    content {
      label = labels.key
      value = labels.value
    }
  }
}

output "id" {
  value = docker_container.workspace.id
}
`;

describe('document symbols over LSP', () => {
  let client: TestClient;
  let symbols: DocumentSymbol[];

  before(async () => {
    client = new TestClient();
    await client.initialize();
    const { uri } = await openAt(client, moduleDir(), 'main.tf', TEMPLATE);
    symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  });
  after(() => client.dispose());

  it('lists the top-level blocks by kind and name, in order', () => {
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail ?? null]),
      [
        ['terraform', SymbolKind.Namespace, null],
        ['variable "image"', SymbolKind.Variable, null],
        ['locals', SymbolKind.Namespace, null],
        ['data.coder_workspace.me', SymbolKind.Struct, 'data'],
        ['docker_container.workspace', SymbolKind.Class, 'resource'],
        ['output "id"', SymbolKind.Property, null],
      ],
    );
  });

  it('nests blocks inside blocks', () => {
    const container = symbols.find((s) => s.name === 'docker_container.workspace')!;
    assert.deepEqual(
      container.children?.map((c) => c.name),
      ['volumes', 'dynamic "labels"'],
    );
    assert.deepEqual(container.children?.[1]?.children?.map((c) => c.name), ['content']);
    assert.deepEqual(symbols[0]!.children?.map((c) => c.name), ['required_providers']);
  });

  it('lists each local as a variable', () => {
    const locals = symbols.find((s) => s.name === 'locals')!;
    assert.deepEqual(
      locals.children?.map((c) => [c.name, c.kind]),
      [
        ['username', SymbolKind.Variable],
        ['home', SymbolKind.Variable],
      ],
    );
    const home = locals.children![1]!;
    assert.deepEqual(home.range, { start: { line: 12, character: 2 }, end: { line: 12, character: 38 } });
    assert.deepEqual(home.selectionRange, { start: { line: 12, character: 2 }, end: { line: 12, character: 6 } });
  });

  it('gives whole-block ranges and label selection ranges', () => {
    const container = symbols.find((s) => s.name === 'docker_container.workspace')!;
    assert.deepEqual(container.range, { start: { line: 17, character: 0 }, end: { line: 31, character: 1 } });
    // The selection covers both labels: "docker_container" "workspace".
    assert.deepEqual(container.selectionRange, { start: { line: 17, character: 9 }, end: { line: 17, character: 39 } });
    const volumes = container.children![0]!;
    assert.deepEqual(volumes.range, { start: { line: 20, character: 2 }, end: { line: 23, character: 3 } });
    assert.deepEqual(volumes.selectionRange, { start: { line: 20, character: 2 }, end: { line: 20, character: 9 } });
    for (const s of symbols) {
      assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line, `${s.name}: selection inside range`);
    }
  });
});
