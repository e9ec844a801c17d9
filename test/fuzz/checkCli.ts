/** The CLI check of one mutant: `lint` and `lint --fix` on a copy, in process or as a real process. */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main as cliMain } from '../../server/src/cli';
import { TfFile } from '../../server/src/model/document';
import { checkSyntax } from '../../server/src/service/hclParser';
import { decode } from '../../server/src/service/textLimits';
import { ROOT } from './corpus';
import { MutantRun, PROCESS_HANG_MS, startClock } from './mutantRun';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs?: number;
  signal?: string | null;
}

async function cliInProcess(args: string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const clock = startClock();
  let code: number;
  try {
    code = await cliMain(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} });
  } catch (error) {
    // cli.ts turns this into "internal error" and exit 2: that is a crash, not a clean exit 2.
    stderr += `coder-dind: internal error: ${error instanceof Error ? error.stack : String(error)}\n`;
    code = 2;
  }
  const [ms, cpuMs] = clock();
  return { code, stdout, stderr, ms, cpuMs };
}

function cliProcess(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_HANG_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

function checkOutput(run: MutantRun, where: string, r: CliResult): void {
  if (r.signal) run.fail('hang', where, `killed by ${r.signal} after ${r.ms.toFixed(0)} ms`);
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) run.fail('crash', where, `exit ${r.code}: ${r.stderr}`);
  if (/internal error|failed/i.test(r.stderr)) run.fail('crash', where, r.stderr);
  try {
    const json = JSON.parse(r.stdout) as { version?: number; results?: unknown[] };
    if (json.version !== 1 || !Array.isArray(json.results)) run.fail('invalid', where, `JSON without version 1 and results: ${r.stdout.slice(0, 300)}`);
  } catch (error) {
    if (!r.signal) run.fail('invalid', where, `stdout is not JSON (${(error as Error).message}): ${r.stdout.slice(0, 300)} / stderr: ${r.stderr.slice(0, 300)}`);
  }
}

/**
 * `lint --format json` and `lint --fix --format json` on a temporary copy: exit 0/1/2 with JSON, and a
 * file that did not parse (or is not text) is byte-identical afterwards; one that parsed still parses,
 * keeps its mode and its line endings, and no temporary file is left beside it.
 */
export async function checkCli(run: MutantRun, tmpRoot: string, id: string, bytes: Buffer, inProcess: boolean): Promise<void> {
  const dir = path.join(tmpRoot, `c${id}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.tf');
  try {
    writeFileSync(file, bytes, { mode: 0o640 });
    const exec = (args: string[]) => (inProcess ? cliInProcess(args, dir) : cliProcess(args));
    const where = inProcess ? 'cli' : 'cli process';
    const lint = await exec(['lint', '--format', 'json', dir]);
    run.figures[inProcess ? 'cliRuns' : 'processRuns']++;
    if (inProcess) run.time('cli lint', lint.ms, lint.cpuMs!);
    checkOutput(run, `${where} lint`, lint);

    const text = decode(bytes);
    let parses = false;
    if (text !== undefined) {
      const probe = new TfFile(file, text);
      parses = (await checkSyntax(probe)).length === 0;
      probe.dispose();
    }
    const fix = await exec(['lint', '--fix', '--format', 'json', dir]);
    run.figures[inProcess ? 'cliRuns' : 'processRuns']++;
    if (inProcess) run.time('cli fix', fix.ms, fix.cpuMs!);
    checkOutput(run, `${where} --fix`, fix);
    const after = readFileSync(file);
    const left = readdirSync(dir).filter((n) => n !== 'main.tf');
    if (left.length) run.fail('corrupt', `${where} --fix`, `files left beside main.tf: ${left.join(', ')}`);
    if ((statSync(file).mode & 0o7777) !== 0o640) run.fail('corrupt', `${where} --fix`, `mode changed to ${(statSync(file).mode & 0o7777).toString(8)}`);
    if (!parses) {
      if (!after.equals(bytes)) run.fail('corrupt', `${where} --fix`, `a file that does not parse (or is not UTF-8) was changed`);
      return;
    }
    const afterText = decode(after);
    if (afterText === undefined) {
      run.fail('corrupt', `${where} --fix`, 'the fixed file is not UTF-8 text');
      return;
    }
    const probe = new TfFile(file, afterText);
    const broken = await checkSyntax(probe);
    probe.dispose();
    if (broken.length) run.fail('corrupt', `${where} --fix`, `the fixed file no longer parses: ${broken[0].message}`);
    const crlfOnly = (s: string) => s.includes('\r\n') && !/(^|[^\r])\n/.test(s);
    if (crlfOnly(text!) && !crlfOnly(afterText)) run.fail('corrupt', `${where} --fix`, 'CRLF line endings became mixed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
