import { runLint, CliIO } from './cli/lint';
import { runLsp } from './cli/lsp';
import { runMethods, runNew } from './scaffold/cli';

declare const CODER_DIND_VERSION: string | undefined;

const VERSION = typeof CODER_DIND_VERSION === 'string' ? CODER_DIND_VERSION : '0.0.0-dev';

const USAGE = `coder-dind ${VERSION}: lint, fix and scaffold Coder templates that run Docker in the workspace,
and serve the same checks to any editor over LSP.

Usage:
  coder-dind lint [paths…] [--format stylish|json|sarif] [--fix] [--max-warnings N]
  coder-dind new <method> <dir> [--name …] [--namespace …] [--image …] [--force]
  coder-dind methods [--format json]
  coder-dind lsp --stdio
  coder-dind --version

Run "coder-dind <command> --help" for a command's options.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io, VERSION);
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
