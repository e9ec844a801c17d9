import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../../shared/src/protocol';
import type { CliIO } from './io';

const USAGE = `Usage: coder-dind lsp --stdio

Runs the Coder Docker-in-Workspace language server over standard input and output, for editors
other than VS Code (Neovim, Helix, JetBrains IDEs through LSP4IJ, ...). It is the server the VS Code
extension starts, with the same Node flags. Settings are read through workspace/configuration
(section "coderDind", e.g. { "rules": { "privileged-container": "off" } }); an editor that does not
offer it gets the defaults.

Options:
  --stdio                  speak LSP on stdin and stdout (the only transport)
  --clientProcessId=<pid>  also end when that process ends
  -h, --help               show this help
`;

const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Starts the bundled server (server.js beside this bundle) as a child that inherits stdin and stdout:
 * the V8 flags it runs with only take effect on a Node command line, so the CLI cannot host it in its
 * own process. Resolves with the server's exit code.
 */
export function runLsp(argv: string[], io: CliIO, serverScript = path.join(__dirname, 'server.js')): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(USAGE);
    return Promise.resolve(0);
  }
  const passed: string[] = [];
  for (const arg of argv) {
    if (arg === '--stdio' || /^--clientProcessId=\d+$/.test(arg)) passed.push(arg);
    else return usageError(io, `unknown option "${arg}"`);
  }
  if (!passed.includes('--stdio')) return usageError(io, 'give the transport: --stdio');
  if (!existsSync(serverScript)) {
    io.stderr(`coder-dind lsp: the language server (${serverScript}) is missing; it is built beside the CLI (npm run build)\n`);
    return Promise.resolve(2);
  }

  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverScript, ...passed], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return new Promise((resolve) => {
    const done = (code: number) => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      io.stderr(`coder-dind lsp: the language server did not start: ${error.message}\n`);
      done(2);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

function usageError(io: CliIO, message: string): Promise<number> {
  io.stderr(`coder-dind lsp: ${message}\n\n${USAGE}`);
  return Promise.resolve(2);
}
