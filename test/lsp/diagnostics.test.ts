import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CodeActionKind, Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { applyTextEdits } from '../../server/src/model/text';

const SIDECAR = `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

variable "workspaces_namespace" {
  default = "coder-namespace"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-\${data.coder_workspace.me.name}"
    namespace = var.namespace
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`;

describe('language server over LSP streams', () => {
  let client: TestClient;
  let dir: string;

  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-lsp-'));
  });
  after(() => client.dispose());

  it('reports undefined-reference on exactly var.namespace and its fix renames it', async () => {
    const file = path.join(dir, 'sidecar', 'main.tf');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    writeFileSync(file, SIDECAR);
    const uri = pathToFileURL(file).href;
    const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.open(uri, SIDECAR);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    const finding = diagnostics.filter((d) => d.code === 'undefined-reference');
    assert.equal(finding.length, 1);
    const d = finding[0];
    assert.equal(d.source, 'coder-dind');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 23, character: 16 }, end: { line: 23, character: 29 } });
    assert.equal(SIDECAR.split("\n")[23].slice(16, 29), 'var.namespace');
    assert.match(d.codeDescription?.href ?? '', /docs\/rules\/undefined-reference\.md$/);

    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d as Diagnostic], only: [CodeActionKind.QuickFix] },
    });
    const titles = (actions ?? []).map((a) => a.title);
    assert.deepEqual(titles, [
      'Change to `var.workspaces_namespace`',
      'Declare `variable "namespace"`',
      'Ignore undefined-reference here',
      'Show documentation for undefined-reference',
    ]);
    const preferred = (actions ?? []).find((a) => 'isPreferred' in a && a.isPreferred);
    assert.ok(preferred && 'edit' in preferred && preferred.edit?.changes);
    const edits = preferred.edit!.changes![uri];
    const fixed = applyTextEdits(SIDECAR, edits);
    assert.equal(fixed.split("\n")[23], '    namespace = var.workspaces_namespace');

    // The fixed text, sent as the editor would, clears the finding.
    const cleared = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    const after2 = await cleared;
    assert.equal(after2.diagnostics.filter((x) => x.code === 'undefined-reference').length, 0);
  });

  it('gives a plain Terraform module no Coder findings, but still hcl-syntax', async () => {
    const file = path.join(dir, 'plain', 'main.tf');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    const text = 'resource "docker_container" "x" {\n  image   = "nginx"\n  privileged = true\n  runtime = "sysbox-runc"\n  name = var.missing\n}\nbroken = \n';
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'hcl-syntax'));
    await client.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['hcl-syntax']);
  });

  it('applies "Ignore <rule> here" as a suppression comment the linter honours', async () => {
    const file = path.join(dir, 'ignore', 'main.tf');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    writeFileSync(file, SIDECAR);
    const uri = pathToFileURL(file).href;
    const first = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.open(uri, SIDECAR);
    const d = (await first).diagnostics.find((x) => x.code === 'undefined-reference')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const ignore = (actions ?? []).find((a) => a.title === 'Ignore undefined-reference here');
    assert.ok(ignore && 'edit' in ignore);
    const text = applyTextEdits(SIDECAR, ignore.edit!.changes![uri]);
    assert.equal(text.split("\n")[23], '    # coder-dind-ignore: undefined-reference');
    const next = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text }]);
    assert.equal((await next).diagnostics.filter((x) => x.code === 'undefined-reference').length, 0);
  });

  it('honours per-rule severity settings', async () => {
    const file = path.join(dir, 'settings', 'main.tf');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    writeFileSync(file, SIDECAR);
    const uri = pathToFileURL(file).href;
    client.settings = { rules: { 'undefined-reference': 'warning' } };
    const first = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.open(uri, SIDECAR);
    assert.equal((await first).diagnostics.find((x) => x.code === 'undefined-reference')?.severity, 2);
    client.settings = { rules: { 'undefined-reference': 'off' } };
    const off = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
    client.settings = { rules: {} };
  });
});
