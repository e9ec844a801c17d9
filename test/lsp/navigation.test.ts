import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest,
  Location,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits } from '../../server/src/model/text';
import { TestClient } from '../helpers/lspClient';
import { moduleDir, openAt, positionOf } from '../helpers/editorCases';

// variables.tf stays closed: the server reads it from disk as part of the module.
const VARIABLES = `variable "namespace" {
  type    = string
  default = "coder"
}

locals {
  home = "/home/coder"
}

data "coder_workspace" "me" {}

module "git_clone" {
  source   = "registry.coder.com/coder/git-clone/coder"
  agent_id = coder_agent.main.id
}
`;

const MAIN = `resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = local.home
}

resource "kubernetes_pod_v1" "workspace" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "ws-\${data.coder_workspace.me.id}"
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
      env {
        name  = "NAMESPACE"
        value = var.namespace
      }
    }
  }
}

output "pod" {
  value = kubernetes_pod_v1.workspace[0].metadata[0].name
}

output "repo" {
  value = module.git_clone.repo_dir
}
`;

describe('definition, references and rename over LSP', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  let variablesUri: string;
  let text: string;

  const req = {
    definition: (needle: string, delta: number, n = 0) =>
      client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta, n) }) as Promise<Location[]>,
    references: (needle: string, delta: number, includeDeclaration = true) =>
      client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position: positionOf(text, needle, delta),
        context: { includeDeclaration },
      }) as Promise<Location[]>,
    prepare: (needle: string, delta: number) => client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) }),
    rename: (needle: string, delta: number, newName: string) =>
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta), newName }) as Promise<WorkspaceEdit>,
  };

  const lineOf = (l: Location) => [l.uri === uri ? 'main' : l.uri === variablesUri ? 'variables' : l.uri, l.range.start.line, l.range.start.character, l.range.end.character];

  /** The files' text after the edit, for the files it touches. */
  const applied = (edit: WorkspaceEdit): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [target, edits] of Object.entries(edit.changes ?? {})) {
      const source = target === uri ? text : readFileSync(new URL(target), 'utf8');
      out[target === uri ? 'main' : target === variablesUri ? 'variables' : target] = applyTextEdits(source, edits as TextEdit[]);
    }
    return out;
  };

  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = moduleDir();
    writeFileSync(path.join(dir, 'variables.tf'), VARIABLES);
    variablesUri = pathToFileURL(path.join(dir, 'variables.tf')).href;
    ({ uri, text } = await openAt(client, dir, 'main.tf', MAIN));
  });
  after(() => client.dispose());

  describe('go to definition', () => {
    it('finds a variable, a local and a data source in the closed file', async () => {
      assert.deepEqual((await req.definition('var.namespace', 5)).map(lineOf), [['variables', 0, 0, 1]]);
      assert.deepEqual((await req.definition('local.home', 7)).map(lineOf), [['variables', 6, 2, 22]]);
      assert.deepEqual((await req.definition('data.coder_workspace.me.start_count', 22)).map(lineOf), [['variables', 9, 0, 30]]);
    });

    it('finds an agent and a resource in the open file, through an index', async () => {
      const agent = await req.definition('coder_agent.main.init_script', 13);
      assert.deepEqual(agent.map(lineOf), [['main', 0, 0, 1]]);
      assert.equal(agent[0]!.range.end.line, 4);
      assert.deepEqual((await req.definition('kubernetes_pod_v1.workspace[0]', 20)).map(lineOf), [['main', 6, 0, 1]]);
    });

    it('finds a module declared in the closed file', async () => {
      assert.deepEqual((await req.definition('module.git_clone', 9)).map(lineOf), [['variables', 11, 0, 1]]);
    });

    it('answers nothing away from references', async () => {
      assert.deepEqual(await req.definition('"linux"', 2), []);
    });
  });

  describe('find references', () => {
    it('finds every use of a variable across files, with the declaration', async () => {
      const refs = await req.references('var.namespace', 6);
      assert.deepEqual(refs.map(lineOf), [
        ['variables', 0, 9, 20],
        ['main', 10, 16, 29],
        ['main', 23, 16, 29],
      ]);
      const withoutDeclaration = await req.references('var.namespace', 6, false);
      assert.equal(withoutDeclaration.length, 2);
    });

    it('finds the agent from its declaration label, including the use in the closed file', async () => {
      const refs = await req.references('"main"', 2, false);
      assert.deepEqual(refs.map(lineOf), [
        ['main', 16, 29, 45],
        ['main', 19, 16, 32],
        ['variables', 13, 13, 29],
      ]);
    });

    it('finds data source uses, also inside string interpolation', async () => {
      const refs = await req.references('data.coder_workspace.me.id', 2, false);
      assert.deepEqual(refs.map(lineOf), [
        ['main', 7, 10, 33],
        ['main', 9, 22, 45],
      ]);
    });
  });

  describe('rename', () => {
    it('prepares on a reference or a declaration name, giving just the name', async () => {
      assert.deepEqual(await req.prepare('var.namespace', 8), {
        range: { start: { line: 10, character: 20 }, end: { line: 10, character: 29 } },
        placeholder: 'namespace',
      });
      assert.deepEqual(await req.prepare('"workspace"', 3), {
        range: { start: { line: 6, character: 30 }, end: { line: 6, character: 39 } },
        placeholder: 'workspace',
      });
    });

    it('rejects other places with a clear message', async () => {
      await assert.rejects(req.prepare('"kubernetes_pod_v1"', 3), (e: ResponseError) => /type label comes from the provider/.test(e.message));
      await assert.rejects(req.prepare('os   =', 1), (e: ResponseError) => /Rename works on variables, locals, and resource or data source names/.test(e.message));
      await assert.rejects(req.prepare('output "pod"', 9), (e: ResponseError) => /\(this is the name of an output\)$/.test(e.message));
      await assert.rejects(req.prepare('module.git_clone', 9), (e: ResponseError) => /Module names are not renamed here/.test(e.message));
    });

    it('renames a variable in both files, declaration label included', async () => {
      const edit = await req.rename('var.namespace', 6, 'workspace_namespace');
      const files = applied(edit);
      assert.deepEqual(Object.keys(files).sort(), ['main', 'variables']);
      assert.match(files.variables!, /^variable "workspace_namespace" \{/);
      assert.equal(files.main!.match(/var\.workspace_namespace/g)?.length, 2);
      assert.doesNotMatch(files.main!, /var\.namespace/);
    });

    it('renames a local declared in the closed file', async () => {
      const files = applied(await req.rename('local.home', 8, 'home_dir'));
      assert.match(files.variables!, /\n  home_dir = "\/home\/coder"/);
      assert.match(files.main!, /dir  = local\.home_dir/);
    });

    it('renames a resource name, keeping the type and the index', async () => {
      const files = applied(await req.rename('"workspace"', 3, 'pod'));
      assert.match(files.main!, /resource "kubernetes_pod_v1" "pod" \{/);
      assert.match(files.main!, /value = kubernetes_pod_v1\.pod\[0\]\.metadata\[0\]\.name/);
      assert.deepEqual(Object.keys(files), ['main']);
    });

    it('renames a data source name everywhere', async () => {
      const files = applied(await req.rename('data.coder_workspace.me.id', 22, 'this'));
      assert.match(files.variables!, /data "coder_workspace" "this" \{\}/);
      assert.equal(files.main!.match(/data\.coder_workspace\.this\./g)?.length, 2);
    });

    it('validates the new name', async () => {
      await assert.rejects(req.rename('var.namespace', 6, '1st'), (e: ResponseError) => /not a valid Terraform name/.test(e.message));
      await assert.rejects(req.rename('var.namespace', 6, 'has space'), (e: ResponseError) => /not a valid Terraform name/.test(e.message));
      const same = await req.rename('coder_agent.main.token', 13, 'main');
      assert.deepEqual(same, { changes: {} });
    });

    it('refuses a name that is already taken', async () => {
      const taken = `${MAIN}\nvariable "other" {}\n`;
      const second = await openAt(client, moduleDir(), 'main.tf', taken.replace('variable "other"', 'variable "namespace" {}\nvariable "other"'));
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, {
          textDocument: { uri: second.uri },
          position: positionOf(second.text, 'var.namespace', 6),
          newName: 'other',
        }),
        (e: ResponseError) => /A variable named `other` already exists/.test(e.message),
      );
    });
  });
});
