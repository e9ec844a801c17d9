import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CliIO } from './cli/io';
import { runLint } from './cli/lint';
import { runLsp } from './cli/lsp';
import { runMethods, runNew } from './scaffold/cli';

declare const CODER_DIND_VERSION: string | undefined;

const VERSION = typeof CODER_DIND_VERSION === 'string' ? CODER_DIND_VERSION : '0.0.0-dev';

const USAGE = `coder-dind ${VERSION}: lint, fix and scaffold Coder templates that run Docker in the workspace,
and serve the same checks to any editor over LSP.

Usage:
  coder-dind lint [paths…] [--format stylish|json|sarif|gitlab] [--fix] [--quiet] [--cache] [--output-file F]
  coder-dind new <method> <dir> [--name …] [--namespace …] [--image …] [--force]
  coder-dind methods [--format json]
  coder-dind lsp --stdio
  coder-dind --version

Run "coder-dind <command> --help" for a command's options.
`;

/**
 * The version and a hash of this bundle: two builds of one version (a development checkout) must not
 * share cached results.
 */
function buildIdentity(): string {
  try {
    return `${VERSION}+${createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16)}`;
  } catch {
    return VERSION;
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io, VERSION, buildIdentity);
    case 'new':
      return runNew(rest, io);
    case 'methods':
      return runMethods(rest, io);
    case 'lsp':
      return runLsp(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${VERSION}\n`);
      return 0;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`coder-dind: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coder-dind: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
