import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { ScaffoldFile } from '../../../shared/src/protocol';
import { METHODS, Method, methodById } from '../model/methodCatalog';
import { checkParameter, renderScaffold } from './render';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

/** Exit codes: 0 done, 2 usage error or refusal (nothing written), 1 unexpected failure. */
const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const NEW_USAGE = `Usage: coder-dind new <method> <dir> [--name <template name>] [--namespace <ns>] [--image <image>]
                      [--<option> <value> ...] [--force]

Writes main.tf and README.md of a working Coder template for <method> into <dir>.
Refuses to touch a folder that already has either file unless --force is given.`;

function methodList(): string {
  return METHODS.map((method) => `  ${method.id.padEnd(31)} ${method.title}`).join('\n');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
}

function methodOptions(method: Method): string {
  return method.parameters
    .map((parameter) => `  --${kebab(parameter.name).padEnd(12)} ${parameter.prompt}${parameter.default ? ` (default: ${parameter.default})` : ''}`)
    .join('\n');
}

interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string>;
  booleans: Set<string>;
  errors: string[];
}

function parseArgs(argv: string[], booleanFlags: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), booleans: new Set(), errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') parsed.errors.push(`Unknown option ${arg}`);
      else parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleanFlags.includes(name)) {
      if (eq !== -1) parsed.errors.push(`--${name} takes no value`);
      parsed.booleans.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined) parsed.errors.push(`--${name} needs a value`);
    else if (parsed.flags.has(name)) parsed.errors.push(`--${name} is given twice`);
    else parsed.flags.set(name, value);
  }
  return parsed;
}

/**
 * `coder-dind new <method> <dir> …`: renders the method's template and writes it. Never overwrites an
 * existing file without --force; writes every file to a temporary name first and then renames, so a
 * failure leaves no half-written template.
 */
export async function runNew(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['force', 'help']);
  if (args.booleans.has('help')) {
    io.stdout(`${NEW_USAGE}\n\nMethods:\n${methodList()}\n`);
    return EXIT_OK;
  }
  const [methodId, dirArg, ...extra] = args.positionals;
  if (!methodId || !dirArg) {
    io.stderr(`${NEW_USAGE}\n\nMethods:\n${methodList()}\n`);
    return EXIT_USAGE;
  }
  const method = methodById(methodId);
  if (!method) {
    io.stderr(`Unknown method "${methodId}". Methods:\n${methodList()}\n`);
    return EXIT_USAGE;
  }
  const errors = [...args.errors];
  if (extra.length) errors.push(`Unexpected arguments: ${extra.join(' ')}`);

  const dir = resolve(io.cwd, dirArg);
  const parameters: Record<string, string> = {};
  const byFlag = new Map(method.parameters.map((parameter) => [kebab(parameter.name), parameter]));
  for (const [flag, value] of args.flags) {
    const parameter = byFlag.get(flag);
    if (!parameter) errors.push(`--${flag} is not an option of ${method.id}`);
    else parameters[parameter.name] = value;
  }
  if (parameters.name === undefined) {
    // Like `coder templates push`, default the name to the folder's name when that is a valid name.
    const nameParameter = method.parameters.find((parameter) => parameter.name === 'name');
    const folderName = basename(dir);
    if (nameParameter && !checkParameter(nameParameter, folderName)) parameters.name = folderName;
  }
  if (errors.length) {
    io.stderr(`${errors.join('\n')}\n\nOptions of ${method.id}:\n${methodOptions(method)}\n  --force        overwrite existing files\n`);
    return EXIT_USAGE;
  }

  const result = renderScaffold({ method: method.id, parameters });
  if (result.errors) {
    const lines = Object.entries(result.errors).map(([name, message]) => `--${kebab(name)}: ${message}`);
    io.stderr(`${lines.join('\n')}\n\nOptions of ${method.id}:\n${methodOptions(method)}\n`);
    return EXIT_USAGE;
  }

  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    io.stderr(`${dirArg} exists and is not a folder; nothing written.\n`);
    return EXIT_USAGE;
  }
  const existing = result.files.filter((file) => existsSync(join(dir, file.path))).map((file) => file.path);
  if (existing.length && !args.booleans.has('force')) {
    io.stderr(
      `${dirArg} already has ${existing.join(', ')}; nothing written.\n` +
        `Choose another folder, or pass --force to overwrite ${existing.length === 1 ? 'it' : 'them'}.\n`,
    );
    return EXIT_USAGE;
  }

  try {
    writeFilesAtomically(dir, result.files, args.booleans.has('force'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`A file appeared in ${dirArg} while writing; nothing written. Run again, or pass --force.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`Could not write the template to ${dirArg}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }

  const name = parameters.name ?? method.parameters.find((parameter) => parameter.name === 'name')?.default ?? method.id;
  const shown = relative(io.cwd, dir) || '.';
  const dirForCommand = /\s/.test(shown) ? JSON.stringify(shown) : shown;
  io.stdout(
    `Wrote the ${method.id} template "${name}" to ${shown}:\n` +
      result.files.map((file) => `  ${join(shown, file.path)}${existing.includes(file.path) ? ' (overwritten)' : ''}`).join('\n') +
      `\n\nNext: read ${join(shown, 'README.md')} for what the ${method.platform === 'kubernetes' ? 'nodes need' : 'Docker host needs'}, then\n` +
      `  coder templates push ${name} -d ${dirForCommand}\n`,
  );
  return EXIT_OK;
}

/**
 * Writes every file beside its target under a temporary name, then moves them all into place. Without
 * `overwrite`, each move is a hard link, which fails if the target appeared in the meantime; the files
 * already placed are then removed again, so either all files are written or none.
 */
export function writeFilesAtomically(dir: string, files: ScaffoldFile[], overwrite: boolean): void {
  mkdirSync(dir, { recursive: true });
  const suffix = `.coder-dind-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const staged: Array<{ temp: string; target: string }> = [];
  const placed: string[] = [];
  try {
    for (const file of files) {
      const target = join(dir, file.path);
      const temp = `${target}${suffix}`;
      writeFileSync(temp, file.content, { flag: 'wx' });
      staged.push({ temp, target });
    }
    for (const { temp, target } of staged) {
      if (overwrite) {
        renameSync(temp, target);
      } else {
        placeWithoutOverwriting(temp, target);
        placed.push(target);
      }
    }
  } catch (error) {
    for (const target of placed) rmSync(target, { force: true });
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
}

/** Moves `temp` to `target` unless `target` exists (EEXIST). Falls back to check-then-rename on file
 * systems without hard links. */
function placeWithoutOverwriting(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
    if (existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    renameSync(temp, target);
    return;
  }
  unlinkSync(temp);
}

/** `coder-dind methods [--format json|table]`: the seven methods from the one table. */
export function runMethods(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, ['help']);
  if (args.booleans.has('help')) {
    io.stdout('Usage: coder-dind methods [--format table|json]\n');
    return EXIT_OK;
  }
  const format = args.flags.get('format') ?? 'table';
  const unknown = [...args.flags.keys()].filter((flag) => flag !== 'format');
  const errors = [...args.errors, ...unknown.map((flag) => `Unknown option --${flag}`)];
  if (args.positionals.length) errors.push(`Unexpected arguments: ${args.positionals.join(' ')}`);
  if (format !== 'table' && format !== 'json') errors.push(`--format must be table or json (got "${format}")`);
  if (errors.length) {
    io.stderr(`${errors.join('\n')}\nUsage: coder-dind methods [--format table|json]\n`);
    return EXIT_USAGE;
  }
  if (format === 'json') {
    const data = METHODS.map(({ id, title, platform, summary, requirements, limitations, docsUrl }) => ({
      id,
      title,
      platform,
      summary,
      requirements,
      limitations,
      docsUrl,
    }));
    io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...METHODS.map((method) => method.id.length));
  const platformWidth = 'kubernetes'.length;
  const blocks = METHODS.map((method) =>
    [
      `${method.id.padEnd(idWidth)}  ${method.platform.padEnd(platformWidth)}  ${method.title}`,
      ...method.requirements.map((line) => `${' '.repeat(idWidth + 2)}needs: ${line}`),
      ...method.limitations.map((line) => `${' '.repeat(idWidth + 2)}limit: ${line}`),
    ].join('\n'),
  );
  io.stdout(`${'METHOD'.padEnd(idWidth)}  ${'PLATFORM'.padEnd(platformWidth)}  TITLE\n${blocks.join('\n\n')}\n`);
  return EXIT_OK;
}
