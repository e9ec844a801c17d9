import { strict as assert } from 'node:assert';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  MessageConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../shared/src/protocol';
import { isGone, waitUntilGone } from '../helpers/processes';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const CLI = path.join(dist, 'cli.js');
const BROKEN = path.join(root, 'examples', 'broken-template', 'main.tf');

function run(args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build first (npm test does)');
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: '' });
}

/** Processes whose parent is `pid`, with their command lines (from /proc). */
function childrenOf(pid: number): Array<{ pid: number; args: string[] }> {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      found.push({ pid: Number(entry), args: readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').filter(Boolean) });
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** `coder-dind lsp --stdio` as an editor starts it, with an LSP connection over its stdin and stdout. */
function startServer(): { cli: ChildProcess; connection: MessageConnection; diagnostics: PublishDiagnosticsParams[]; serverRequests: string[] } {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build first (npm test does)');
  const cli = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(cli.stdout!), new StreamMessageWriter(cli.stdin!));
  const diagnostics: PublishDiagnosticsParams[] = [];
  const serverRequests: string[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.push(p);
  });
  // An editor without workspace/configuration or dynamic registration answers requests it does not know with an error.
  connection.onRequest((method) => {
    serverRequests.push(method);
    throw new Error(`${method} is not supported by this client`);
  });
  connection.listen();
  return { cli, connection, diagnostics, serverRequests };
}

describe('coder-dind lsp', () => {
  const started: ChildProcess[] = [];
  after(() => {
    for (const child of started) if (child.pid && !isGone(child.pid)) child.kill('SIGKILL');
  });

  it('asks for the transport, rejects unknown options, and explains itself', () => {
    const bare = run(['lsp']);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /give the transport: --stdio/);
    const unknown = run(['lsp', '--socket=2087']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option "--socket=2087"/);
    const help = run(['lsp', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: coder-dind lsp --stdio/);
    assert.match(run(['--help']).stdout, /coder-dind lsp --stdio/);
  });

  it('runs the bundled server with the extension\'s Node flags, and gives findings to a client without workspace/configuration', async () => {
    const { cli, connection, diagnostics, serverRequests } = startServer();
    started.push(cli);
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(path.dirname(BROKEN)).href,
      capabilities: {},
      workspaceFolders: null,
    });
    assert.equal(init.serverInfo?.name, 'coder-dind');

    // The server is a child of the CLI: dist/server.js, under the flags the VS Code client passes.
    const [server, ...others] = childrenOf(cli.pid!);
    assert.deepEqual(others, [], 'the CLI starts one process');
    const script = server.args.indexOf(path.join(dist, 'server.js'));
    assert.ok(script > 0, `the child does not run dist/server.js: ${server.args.join(' ')}`);
    assert.deepEqual(server.args.slice(1, script), [...SERVER_NODE_FLAGS]);
    assert.deepEqual(server.args.slice(script + 1), ['--stdio']);

    await connection.sendNotification(InitializedNotification.type, {});
    const uri = pathToFileURL(BROKEN).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === uri && p.diagnostics.length) resolve(p);
      }),
    );
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'terraform', version: 1, text: readFileSync(BROKEN, 'utf8') },
    });
    const codes = new Set((await published).diagnostics.map((d) => d.code));
    for (const rule of ['removed-workspace-owner-attribute', 'undefined-reference']) assert.ok(codes.has(rule), `no ${rule} in ${[...codes].join(', ')}`);
    assert.ok(diagnostics.every((p) => p.diagnostics.every((d) => d.source === 'coder-dind')));
    assert.deepEqual(serverRequests, [], 'the server asked a client that offers nothing for something');

    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, 'shutdown then exit ends the CLI with 0');
    assert.ok(await waitUntilGone(server.pid), 'the server process ended with the CLI');
    connection.dispose();
  });

  it('passes SIGTERM on to the server and ends with it', async () => {
    const { cli, connection } = startServer();
    started.push(cli);
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    const [server] = childrenOf(cli.pid!);
    assert.ok(server, 'no server process under the CLI');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => cli.on('exit', (code, signal) => resolve({ code, signal })));
    cli.kill('SIGTERM');
    const { code, signal } = await exited;
    assert.equal(signal, null, 'the CLI ended by itself, after its server');
    assert.equal(code, 128 + constants.signals.SIGTERM, 'the exit code tells that the server ended by SIGTERM');
    assert.ok(await waitUntilGone(server.pid), 'the server ended');
    connection.dispose();
  });
});
