import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { ServerCommands, type LintSummary, type MethodInfo, type ScaffoldResult, type TemplateVariable } from '../../shared/src/protocol';
import { TestClient } from '../helpers/lspClient';

const TEMPLATE = `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

variable "namespace" {
  type        = string
  description = "Where workspaces run"
}

variable "token" {
  type      = string
  sensitive = true
}

variable "image" {
  default = "codercom/enterprise-base:ubuntu"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = var.image
  name    = "coder-\${data.coder_workspace.me.owner}"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}
`;

describe('server commands and code lens', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-cmd-'));
    mkdirSync(path.join(dir, 'tpl'));
    writeFileSync(path.join(dir, 'tpl', 'main.tf'), TEMPLATE);
    uri = pathToFileURL(path.join(dir, 'tpl', 'main.tf')).href;
    const published = client.waitForDiagnostics(uri);
    await client.open(uri, TEMPLATE);
    await published;
  });
  after(() => client.dispose());

  const exec = <T>(command: string, ...args: unknown[]) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;

  it('shows the detected method above the workspace resource', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    const lens = lenses![0];
    assert.match(lens.command?.title ?? '', /^Docker in workspace: Sysbox container runtime \(Docker\) · docs$/);
    assert.equal(lens.range.start.line, TEMPLATE.split('\n').findIndex((l) => l.startsWith('resource "docker_container"')));
    assert.equal(lens.command?.arguments?.[0], 'sysbox-docker');
  });

  it('lists the seven methods', async () => {
    const methods = await exec<MethodInfo[]>(ServerCommands.listMethods);
    assert.deepEqual(methods.map((m) => m.id).sort(), [
      'envbox',
      'privileged-sidecar-docker',
      'privileged-sidecar-kubernetes',
      'rootless-podman',
      'sysbox-docker',
      'sysbox-kubernetes',
      'systemd-sysbox',
    ]);
  });

  it('renders a scaffold, and refuses a bad name with a reason', async () => {
    const ok = await exec<ScaffoldResult>(ServerCommands.renderScaffold, { method: 'sysbox-docker', parameters: { name: 'my-template' } });
    assert.deepEqual(ok.files.map((f) => f.path).sort(), ['README.md', 'main.tf']);
    const bad = await exec<ScaffoldResult>(ServerCommands.renderScaffold, { method: 'sysbox-docker', parameters: { name: 'x'.repeat(32) } });
    assert.deepEqual(bad.files, []);
    assert.ok(bad.errors?.name);
  });

  it('lints a folder with hcl-syntax included', async () => {
    const summary = await exec<LintSummary>(ServerCommands.lintFolder, pathToFileURL(path.join(dir, 'tpl')).href);
    assert.equal(summary.errors, 1);
    assert.deepEqual(summary.findings.map((f) => f.rule), ['variable-without-value', 'variable-without-value', 'removed-workspace-owner-attribute']);
  });

  it('marks what makes coder templates push fail, reads the folder as it is now, and honours the severity settings', async () => {
    const folder = path.join(dir, 'blocked');
    mkdirSync(path.join(folder, '.modules', 'base'), { recursive: true });
    writeFileSync(path.join(folder, 'main.tf'), 'data "coder_workspace" "me" {}\n\nmodule "base" {\n  source = "./.modules/base"\n}\n');
    const lint = () => exec<LintSummary>(ServerCommands.lintFolder, pathToFileURL(folder).href);
    const first = await lint();
    assert.deepEqual(first.findings.map((f) => [f.rule, f.severity, f.line, f.blocksPush ?? false]), [['file-not-uploaded', 'error', 3, true]]);
    assert.deepEqual(first.findings[0].range, { start: { line: 3, character: 11 }, end: { line: 3, character: 28 } });

    // A file nobody told the server about makes the archive too big: a publish sees it.
    writeFileSync(path.join(folder, 'rootfs.tar'), Buffer.alloc(2 * 1024 * 1024));
    assert.deepEqual((await lint()).findings.map((f) => [f.rule, f.blocksPush ?? false]), [
      ['archive-too-large', true],
      ['file-not-uploaded', true],
    ]);

    client.settings = { rules: { 'file-not-uploaded': 'warning', 'archive-too-large': 'off' } };
    client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const relaxed = await lint();
    client.settings = { rules: {} };
    client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(relaxed.findings.map((f) => [f.rule, f.severity, f.blocksPush ?? false]), [['file-not-uploaded', 'warning', false]]);
  });

  it('lists the template variables, telling which need a value', async () => {
    const vars = await exec<TemplateVariable[]>(ServerCommands.templateVariables, pathToFileURL(path.join(dir, 'tpl')).href);
    assert.deepEqual(
      vars.map((v) => [v.name, v.hasDefault, v.sensitive, v.description ?? null]),
      [
        ['namespace', false, false, 'Where workspaces run'],
        ['token', false, true, null],
        ['image', true, false, null],
      ],
    );
  });
});
