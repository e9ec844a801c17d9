import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { main } from '../../server/src/cli';
import { REDACTED, redact } from '../../shared/src/redact';
import { TestClient } from '../helpers/lspClient';

// Secrets that must never leave the template: a Coder session token (the CLI's format: 10 and 22
// alphanumerics), an agent token and a registry credential for the Envbox inner image.
const SESSION_TOKEN = 'Xq7Lm2Pz9K-aB3dE5fG7hJ9kL1mN3pQ5r';
const AGENT_TOKEN = 'f3a9c2e1-7b4d-4e8a-9c6f-2d1b0a9e8f7c';
const PULL_SECRET = '{"auths":{"ghcr.io":{"auth":"dXNlcjpnaHBfc2VjcmV0MTIzNDU2Nzg5MA=="}}}';
const PULL_SECRET_CORE = 'dXNlcjpnaHBfc2VjcmV0MTIzNDU2Nzg5MA==';
const SECRETS = [SESSION_TOKEN, AGENT_TOKEN, PULL_SECRET_CORE];

/** An Envbox template that writes all three secrets into the template (findings of several rules expected). */
const TEMPLATE = `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    CODER_SESSION_TOKEN = "${SESSION_TOKEN}"
  }
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-\${data.coder_workspace.me.name}"
    namespace = var.namespace
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = "${AGENT_TOKEN}"
      }
      env {
        name  = "CODER_IMAGE_PULL_SECRET"
        value = ${JSON.stringify(PULL_SECRET)}
      }
      env {
        name  = "CODER_SESSION_TOKEN"
        value = "${SESSION_TOKEN}"
      }
    }
  }
}
`;

function assertNoSecret(where: string, text: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} contains the secret ${secret.slice(0, 6)}…:\n${text.slice(0, 3000)}`);
}

describe('secrets stay out of logs, diagnostics and reports', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-secrets-'));
    mkdirSync(path.join(dir, 'envbox'));
    writeFileSync(path.join(dir, 'envbox', 'main.tf'), TEMPLATE);
  });

  it('the CLI reports (stylish, JSON, SARIF) name the findings without the values', async () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      let stdout = '';
      let stderr = '';
      const code = await main(['lint', '--format', format, dir], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, isTTY: false, env: { CODER_SESSION_TOKEN: SESSION_TOKEN } });
      assert.equal(code, 1, stderr);
      assertNoSecret(`lint --format ${format}`, stdout + stderr);
      if (format === 'json') {
        const rules = (JSON.parse(stdout) as { results: Array<{ diagnostics: Array<{ rule: string }> }> }).results.flatMap((r) => r.diagnostics.map((d) => d.rule));
        assert.ok(rules.includes('envbox-literal-pull-secret'), `rules found: ${rules.join(', ')}`);
      }
    }
  });

  describe('over LSP', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize();
    });
    after(() => client.dispose());

    it('diagnostics, their fixes and the server log never carry the values', async () => {
      const uri = pathToFileURL(path.join(dir, 'envbox', 'main.tf')).href;
      const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'envbox-literal-pull-secret'));
      await client.open(uri, TEMPLATE);
      const { diagnostics } = await published;
      const pull = diagnostics.find((d) => d.code === 'envbox-literal-pull-secret')!;
      assert.match(String(pull.message), /CODER_IMAGE_PULL_SECRET/);
      for (const d of diagnostics) assertNoSecret(`the ${d.code} diagnostic's message`, JSON.stringify(d.message) + JSON.stringify(d.relatedInformation ?? []));
      // The actions and hovers at each finding quote no value either (their edits may keep the text they replace).
      for (const d of diagnostics) {
        const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions ?? []) assertNoSecret(`the title of "${a.title}"`, a.title);
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start }).catch(() => null);
        if (hover) assertNoSecret('a hover', JSON.stringify(hover.contents));
      }
      // Errors are logged with their messages: a token in one is redacted on the way out.
      await client.connection
        .sendRequest(ExecuteCommandRequest.type, { command: `coderDind.bogus CODER_SESSION_TOKEN=${SESSION_TOKEN} --token ${SESSION_TOKEN}`, arguments: [] })
        .catch(() => null);
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'coderDind.server.lintFolder', arguments: [pathToFileURL(path.join(dir, 'envbox')).href] });
      assert.ok(client.logs.some((l) => l.includes(REDACTED)), `the failing command was not logged: ${JSON.stringify(client.logs)}`);
      assertNoSecret('the server log', client.logs.join('\n'));
    });
  });

  it('redact() removes every form a token takes in a log line', () => {
    const lines = [
      `CODER_SESSION_TOKEN=${SESSION_TOKEN}`,
      `export CODER_SESSION_TOKEN="${SESSION_TOKEN}"`,
      `CODER_AGENT_TOKEN: ${AGENT_TOKEN}`,
      `Coder-Session-Token: ${SESSION_TOKEN}`,
      `Authorization: Bearer ${SESSION_TOKEN}`,
      `coder login --token ${SESSION_TOKEN} https://coder.example.com`,
      `coder login --token=${SESSION_TOKEN}`,
      `error: 401 for token ${SESSION_TOKEN} at /api/v2/users/me`,
      `CODER_IMAGE_PULL_SECRET=${PULL_SECRET_CORE}`,
    ];
    for (const line of lines) assertNoSecret(`redact(${JSON.stringify(line.slice(0, 24))}…)`, redact(line));
  });
});
