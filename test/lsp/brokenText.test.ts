import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { main } from '../../server/src/cli';
import { TestClient } from '../helpers/lspClient';

/**
 * Texts Terraform cannot parse, on which one tree for the whole file (what the CLI used to read) and one
 * tree per statement (what the editor reads) gave different findings. Both now read per statement
 * (docs/rules/hcl-syntax.md), so the editor and `coder-dind lint` must agree finding for finding.
 */
const BROKEN: Record<string, string> = {
  // Error recovery over the whole file swallowed the resource after the broken variable, and its finding.
  'extra blocks on a line': `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

variable "image_a" {}
variable "image_b" {} {} {} {}

resource "docker_volume" "home" {
  name = var.image
}
`,
  // A file cut short inside a block: the statements before it keep their findings.
  'truncated': `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_deployment" "dev" {
  metadata {
    name = "dev"
    annotations = {
`,
  // An attribute without a value between two statements that have findings.
  'missing value': `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch =
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  hostname   = data.coder_workspace.me.owner
}
`,
};

const key = (d: { rule: string; severity: string; message: string; range: Diagnostic['range'] }) => JSON.stringify([d.rule, d.severity, d.range, d.message]);
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

describe('on text Terraform cannot parse, the editor and the CLI report the same findings', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    root = mkdtempSync(path.join(tmpdir(), 'coder-dind-broken-'));
  });
  after(() => client.dispose());

  for (const [name, text] of Object.entries(BROKEN)) {
    it(name, async () => {
      const dir = path.join(root, name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      const file = path.join(dir, 'main.tf');
      writeFileSync(file, text);
      let stdout = '';
      await main(['lint', '--format', 'json', dir], { stdout: (s) => void (stdout += s), stderr: () => undefined, cwd: dir, isTTY: false, env: {} });
      const cli = (JSON.parse(stdout) as { results: Array<{ diagnostics: Array<{ rule: string; severity: string; message: string; range: Diagnostic['range'] }> }> }).results[0].diagnostics;
      assert.ok(cli.some((d) => d.rule === 'hcl-syntax'), 'the text does not parse');
      assert.ok(cli.some((d) => d.rule !== 'hcl-syntax'), 'other rules report too');

      const uri = pathToFileURL(file).href;
      const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'hcl-syntax'));
      await client.open(uri, text);
      const editor = (await published).diagnostics.map((d) => ({ rule: String(d.code), severity: SEVERITY[d.severity ?? 0], message: String(d.message), range: d.range }));
      assert.deepEqual(editor.map(key).sort(), cli.map(key).sort());
    });
  }
});
