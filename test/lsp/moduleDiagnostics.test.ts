import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  InitializeRequest,
  PublishDiagnosticsParams,
  RegistrationRequest,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';

const MAIN = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_volume" "home" {
  name = "home-\${var.namespace}"
}
`;
const VARIABLES = 'variable "namespace" {\n  default = "coder"\n}\n';
/** A closed file with a finding of its own: `var.missing` is declared nowhere. */
const LOCALS = 'locals {\n  a = var.namespace\n  b = var.missing\n}\n';
const LOCALS_FIXED = 'locals {\n  a = var.namespace\n}\n';

const uriOf = (file: string) => pathToFileURL(file).href;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code ?? d.message)).sort();

describe('module-wide diagnostics: every .tf file of a folder with an open document', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    root = mkdtempSync(path.join(tmpdir(), 'coder-dind-module-'));
  });
  after(() => client.dispose());

  const watched = (changes: Array<[string, FileChangeType]>) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([file, type]) => ({ uri: uriOf(file), type })) });
  const last = (file: string) => client.published(uriOf(file)).at(-1);

  it('publishes closed files, keeps them fresh on disk changes, and clears them when the folder closes', async () => {
    const dir = path.join(root, 'template');
    mkdirSync(dir);
    const main = path.join(dir, 'main.tf');
    const variables = path.join(dir, 'variables.tf');
    const locals = path.join(dir, 'locals.tf');
    writeFileSync(main, MAIN);
    writeFileSync(variables, VARIABLES);
    writeFileSync(locals, LOCALS);

    // Opening main.tf publishes the closed locals.tf with its own finding (no version: it is read from disk).
    const closedFinding = client.waitForDiagnostics(uriOf(locals), (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    const opened = client.waitForDiagnostics(uriOf(main), (p) => p.version === 1);
    await client.open(uriOf(main), MAIN);
    const first = await closedFinding;
    assert.equal(first.version, undefined);
    const finding = first.diagnostics.find((d) => d.code === 'undefined-reference')!;
    assert.deepEqual(finding.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 17 } });
    await opened;

    // Fixed on disk: the watcher's change clears it.
    writeFileSync(locals, LOCALS_FIXED);
    const cleared = client.waitForDiagnostics(uriOf(locals), (p) => p.diagnostics.length === 0);
    await watched([[locals, FileChangeType.Changed]]);
    await cleared;

    // Edits to the open document that change nothing in a closed file send that file nothing new.
    const variablesPublishes = client.published(uriOf(variables)).length;
    const localsPublishes = client.published(uriOf(locals)).length;
    const edited = client.waitForDiagnostics(uriOf(main), (p) => p.version === 2);
    await client.change(uriOf(main), 2, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: '# a comment\n' }]);
    await edited;
    // The variable is renamed on disk: main.tf (open) and locals.tf (closed) now both refer to nothing.
    writeFileSync(variables, VARIABLES.replace('namespace', 'ns'));
    const broke = client.waitForDiagnostics(uriOf(locals), (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    const mainBroke = client.waitForDiagnostics(uriOf(main), (p) => p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await watched([[variables, FileChangeType.Changed]]);
    await Promise.all([broke, mainBroke]);
    assert.equal(client.published(uriOf(variables)).length, variablesPublishes, 'variables.tf had no finding before or after: nothing sent');
    assert.equal(client.published(uriOf(locals)).length, localsPublishes + 1, 'locals.tf: one publish, for the rename');

    // A new file with a syntax error appears; then it is renamed (deleted + created).
    const broken = path.join(dir, 'broken.tf');
    writeFileSync(broken, 'variable "other" {\n  default =\n}\n');
    const syntax = client.waitForDiagnostics(uriOf(broken), (p) => p.diagnostics.some((d) => d.code === 'hcl-syntax'));
    await watched([[broken, FileChangeType.Created]]);
    await syntax;
    const renamed = path.join(dir, 'renamed.tf');
    renameSync(broken, renamed);
    const gone = client.waitForDiagnostics(uriOf(broken), (p) => p.diagnostics.length === 0);
    const moved = client.waitForDiagnostics(uriOf(renamed), (p) => p.diagnostics.some((d) => d.code === 'hcl-syntax'));
    await watched([[broken, FileChangeType.Deleted], [renamed, FileChangeType.Created]]);
    await Promise.all([gone, moved]);

    // A file that is not text: one information diagnostic saying why, as for an open document.
    const binary = path.join(dir, 'binary.tf');
    writeFileSync(binary, Buffer.from([0x76, 0x00, 0x01]));
    const skipped = client.waitForDiagnostics(uriOf(binary), (p) => p.diagnostics.length === 1);
    await watched([[binary, FileChangeType.Created]]);
    assert.match(String((await skipped).diagnostics[0].message), /not UTF-8 text/);

    // The last document of the folder closes: every file is cleared.
    const allCleared = [locals, renamed, binary, main].map((f) => client.waitForDiagnostics(uriOf(f), (p) => p.diagnostics.length === 0 && p.version === undefined));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(main) } });
    await Promise.all(allCleared);
    // And a change on disk after that publishes nothing.
    const before = client.published(uriOf(locals)).length;
    writeFileSync(locals, LOCALS);
    await watched([[locals, FileChangeType.Changed]]);
    const elsewhere = client.waitForDiagnostics(uriOf(path.join(root, 'elsewhere.tf')), (p) => p.version === 1);
    await client.open(uriOf(path.join(root, 'elsewhere.tf')), MAIN); // a round trip through another folder
    await elsewhere;
    assert.equal(client.published(uriOf(locals)).length, before);
  });

  it('a closed document reads from disk again; a deleted folder takes its closed files with it', async () => {
    const dir = path.join(root, 'two-open');
    mkdirSync(dir);
    const main = path.join(dir, 'main.tf');
    const locals = path.join(dir, 'locals.tf');
    writeFileSync(main, MAIN + VARIABLES);
    writeFileSync(locals, LOCALS_FIXED);
    await client.open(uriOf(main), MAIN + VARIABLES);
    // locals.tf is opened and edited (unsaved) to refer to an undeclared variable, then closed without saving.
    const edited = client.waitForDiagnostics(uriOf(locals), (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'undefined-reference'));
    await client.open(uriOf(locals), LOCALS);
    await edited;
    const reverted = client.waitForDiagnostics(uriOf(locals), (p) => p.version === undefined && p.diagnostics.length === 0);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(locals) } });
    await reverted;

    // The folder is deleted whole while main.tf stays open in the editor: the watcher reports the folder only.
    writeFileSync(locals, LOCALS);
    const relinted = client.waitForDiagnostics(uriOf(locals), (p) => p.diagnostics.length > 0);
    await watched([[locals, FileChangeType.Changed]]);
    await relinted;
    rmSync(dir, { recursive: true });
    const vanished = client.waitForDiagnostics(uriOf(locals), (p) => p.diagnostics.length === 0);
    await watched([[dir, FileChangeType.Deleted]]);
    await vanished;
  });

  it("a local module's change reaches its open caller: an unsaved edit of the child, then the child on disk", async () => {
    const dir = path.join(root, 'caller');
    const child = path.join(dir, 'modules', 'box');
    mkdirSync(child, { recursive: true });
    const main = path.join(dir, 'main.tf');
    const childVariables = path.join(child, 'variables.tf');
    const caller = `${MAIN}${VARIABLES}\nmodule "box" {\n  source = "./modules/box"\n  size   = 1\n}\n`;
    writeFileSync(main, caller);
    writeFileSync(childVariables, 'variable "size" {\n  type = number\n}\n');
    const clean = client.waitForDiagnostics(uriOf(main), (p) => p.version === 1);
    await client.open(uriOf(main), caller);
    assert.ok(!codes(await clean).includes('module-unknown-input'));

    // The input is renamed in the child's open buffer: the caller's call is wrong at once, without a save.
    const broken = client.waitForDiagnostics(uriOf(main), (p) => p.diagnostics.some((d) => d.code === 'module-unknown-input'));
    await client.open(uriOf(childVariables), 'variable "volume_size" {\n  type = number\n}\n');
    const finding = (await broken).diagnostics.find((d) => d.code === 'module-unknown-input')!;
    assert.match(typeof finding.message === 'string' ? finding.message : finding.message.value, /has no input `size`/);

    // Closed without saving, the child reads from disk again, where the input is still `size`.
    const restored = client.waitForDiagnostics(uriOf(main), (p) => !p.diagnostics.some((d) => d.code === 'module-unknown-input'));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(childVariables) } });
    await restored;

    // Renamed on disk (another tool, a git checkout): the watcher's report reaches the caller.
    writeFileSync(childVariables, 'variable "disk" {\n  type = number\n}\n');
    const again = client.waitForDiagnostics(uriOf(main), (p) => p.diagnostics.some((d) => d.code === 'module-unknown-input'));
    await watched([[childVariables, FileChangeType.Changed]]);
    await again;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(main) } });
  });

  it('asks the client to report deleted folders', async () => {
    const other = new TestClient();
    const registrations: unknown[] = [];
    other.connection.onRequest(RegistrationRequest.type, (p) => void registrations.push(...p.registrations));
    await other.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: null,
    });
    await other.connection.sendNotification('initialized', {});
    await other.connection.sendRequest('shutdown');
    assert.deepEqual(
      registrations.filter((r) => (r as { method: string }).method === DidChangeWatchedFilesNotification.method).map((r) => (r as { registerOptions: unknown }).registerOptions),
      [{ watchers: [{ globPattern: '**/*', kind: 4 }] }],
    );
    other.dispose();
  });

  it('the last publish of every file is what the folder holds now', () => {
    for (const file of ['template/locals.tf', 'template/main.tf', 'two-open/locals.tf']) {
      const p = last(path.join(root, file));
      assert.ok(p, `${file} was published`);
      assert.deepEqual(codes(p), [], `${file} is cleared: its folder closed or it vanished`);
    }
  });
});
