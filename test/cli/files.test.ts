import { strict as assert } from 'node:assert';
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { main } from '../../server/src/cli';
import { writeAtomically } from '../../server/src/cli/lint';
import { initParser } from '../../server/src/model/parser';
import { LanguageService } from '../../server/src/service/languageService';
import { MAX_FILE_BYTES } from '../../server/src/service/textLimits';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'server', 'src', 'cli.ts');

const scratch = () => fs.mkdtempSync(path.join(tmpdir(), 'coder-dind-files-'));

/** A Coder template whose `var.namespace` references have a preferred fix: `var.workspaces_namespace`. */
function fixable(references = 1): string {
  const pods = Array.from(
    { length: references },
    (_, i) => `resource "docker_volume" "v${i}" {
  count = data.coder_workspace.me.start_count
  name  = "\${var.namespace}-${i}"
}
`,
  ).join('\n');
  return `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

variable "workspaces_namespace" {
  default = "coder"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

${pods}`;
}

async function lint(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['lint', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} });
  return { code, stdout, stderr };
}

function results(stdout: string): Array<{ file: string; diagnostics: Array<{ rule: string; message: string }> }> {
  const json = JSON.parse(stdout) as { version: number; results: Array<{ file: string; diagnostics: Array<{ rule: string; message: string }> }> };
  assert.equal(json.version, 1);
  return json.results;
}

/** Runs the CLI from the sources in a child process (in the repository, where tsx resolves); its exit, output and peak RSS. */
/** The bundled CLI (`dist/cli.js` and the files beside it), copied where `nobody` can read it, run as `nobody`. */
function bundledCliAsNobody(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dist = path.join(ROOT, 'dist');
  assert.ok(fs.existsSync(path.join(dist, 'cli.js')), 'dist/cli.js is missing: run npm run build first (npm test does)');
  const copy = scratch();
  fs.chmodSync(copy, 0o755);
  fs.cpSync(dist, path.join(copy, 'dist'), { recursive: true });
  const child = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), ...args], {
    cwd: copy,
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: copy },
  });
  fs.rmSync(copy, { recursive: true, force: true });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function cliProcess(args: string[], options: { uid?: number; gid?: number } = {}): { status: number | null; stdout: string; stderr: string; maxRssMb: number } {
  // The child reports its own peak RSS after the CLI finished.
  const script = `
    const { main } = require(${JSON.stringify(CLI)});
    main(${JSON.stringify(args)}, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd(), isTTY: false, env: process.env })
      .then((code) => { process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; });`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    uid: options.uid,
    gid: options.gid,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: tmpdir() },
  });
  const rss = /MAXRSS (\d+)/.exec(child.stderr ?? '');
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

describe('the CLI and the server on hostile files', () => {
  before(() => initParser());

  it('skips binary and non-UTF-8 .tf files with a warning, and --fix leaves them byte for byte', async () => {
    const dir = scratch();
    const binary = Buffer.from([0x72, 0x65, 0x73, 0x00, 0x01, 0x02, 0xff, 0x7b, 0x0a]);
    const latin1 = Buffer.from('variable "caf\xe9" {\n  default = "\xe9t\xe9"\n}\n', 'latin1');
    fs.writeFileSync(path.join(dir, 'binary.tf'), binary);
    fs.writeFileSync(path.join(dir, 'latin1.tf'), latin1);
    fs.writeFileSync(path.join(dir, 'main.tf'), fixable());
    const run = await lint(['--format', 'json', dir], dir);
    assert.equal(run.code, 1, run.stderr); // the undefined reference in main.tf is an error; the others are only warned about
    assert.match(run.stderr, /warning: binary\.tf: not UTF-8 text/);
    assert.match(run.stderr, /warning: latin1\.tf: not UTF-8 text/);
    const byFile = new Map(results(run.stdout).map((r) => [path.basename(r.file), r.diagnostics]));
    assert.deepEqual(byFile.get('binary.tf'), []);
    assert.deepEqual(byFile.get('latin1.tf'), []);
    const fixed = await lint(['--fix', '--format', 'json', dir], dir);
    assert.ok([0, 1].includes(fixed.code), fixed.stderr);
    assert.ok(fs.readFileSync(path.join(dir, 'binary.tf')).equals(binary));
    assert.ok(fs.readFileSync(path.join(dir, 'latin1.tf')).equals(latin1));
    assert.match(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), /var\.workspaces_namespace/);
  });

  it('reports a .tf file it cannot read (EACCES) as a read error, exit 2, with JSON still on stdout', () => {
    const dir = scratch();
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'main.tf'), fixable());
    fs.writeFileSync(path.join(dir, 'secret.tf'), 'variable "x" {}\n');
    fs.chmodSync(path.join(dir, 'secret.tf'), 0o000);
    // Root reads anything: as root, run the CLI as `nobody`, for whom mode 000 means EACCES. `nobody` may
    // not be able to reach this checkout (a clone in a `mktemp -d` folder is mode 0700), so it runs the
    // built bundle (`dist/`, made by the build stage) copied to a folder it can read.
    const run =
      process.getuid?.() === 0
        ? bundledCliAsNobody(['lint', '--format', 'json', dir])
        : cliProcess(['lint', '--format', 'json', dir]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /error: .*secret\.tf: EACCES: permission denied/);
    assert.deepEqual(results(run.stdout).map((r) => path.basename(r.file)), ['main.tf']);
  });

  it('passes over a directory named x.tf and a FIFO named y.tf without blocking, and reports a dangling symlink', async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'main.tf'), 'variable "x" {}\n');
    fs.mkdirSync(path.join(dir, 'x.tf'));
    execFileSync('mkfifo', [path.join(dir, 'y.tf')]); // reading it would wait for a writer forever
    fs.symlinkSync(path.join(dir, 'nowhere.tf'), path.join(dir, 'dangling.tf'));
    const run = await lint(['--format', 'json', dir], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /error: dangling\.tf: ENOENT/);
    assert.deepEqual(results(run.stdout).map((r) => path.basename(r.file)).sort(), ['main.tf']);
    // The server reads the same folder from disk when main.tf is opened: the odd entries are left out.
    const published: Diagnostic[][] = [];
    const service = new LanguageService({ publish: (_, d) => published.push(d), log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0 });
    service.didOpen(pathToFileURL(path.join(dir, 'main.tf')).href, 'variable "x" {}\n', 1);
    await service.flush();
    assert.deepEqual(service.workspace.moduleOf(path.join(dir, 'main.tf')).files.map((f) => path.basename(f.path)), ['main.tf']);
    service.dispose();
  });

  it('ends folder lint at symlink loops and very deep trees', async () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'main.tf'), 'variable "x" {}\n');
    fs.symlinkSync('..', path.join(dir, 'a', 'up')); // a/up/a/up/… forever
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'self'));
    let deep = path.join(dir, 'deep');
    for (let i = 0; i < 80; i++) deep = path.join(deep, `d${i}`);
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'main.tf'), 'variable "y" {}\n');
    const run = await lint(['--format', 'json', dir], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /not descending below .*: more than 64 levels deep/);
    assert.deepEqual(results(run.stdout).map((r) => path.relative(dir, path.resolve(dir, r.file))), [path.join('a', 'main.tf')]);
  });

  it('degrades on a 10 MB file: a clear message, no freeze, bounded memory', async () => {
    const dir = scratch();
    const line = 'resource "docker_volume" "v" { name = "' + 'x'.repeat(80) + '" }\n';
    const big = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    assert.ok(big.length > MAX_FILE_BYTES);
    fs.writeFileSync(path.join(dir, 'big.tf'), big);
    fs.writeFileSync(path.join(dir, 'main.tf'), 'variable "x" {}\n');
    const run = cliProcess(['lint', '--format', 'json', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /warning: \S*big\.tf: skipped: 10\.0 MB is above the 4 MB limit/);
    assert.deepEqual(results(run.stdout).map((r) => path.basename(r.file)).sort(), ['big.tf', 'main.tf']);
    // The CLI without the file peaks around 150 MB; reading 10 MB and parsing it would add far more.
    assert.ok(run.maxRssMb < 400, `peak RSS ${run.maxRssMb.toFixed(0)} MB`);
    console.log(`# 10 MB file: CLI peak RSS ${run.maxRssMb.toFixed(0)} MB`);

    // The server: opened as a document, an information diagnostic instead of a parse.
    const published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
    const service = new LanguageService({ publish: (uri, diagnostics) => published.push({ uri, diagnostics }), log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0 });
    const uri = pathToFileURL(path.join(dir, 'big.tf')).href;
    const heapBefore = process.memoryUsage().heapUsed;
    service.didOpen(uri, big, 1);
    await service.flush();
    const mine = published.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(mine.diagnostics.length, 1);
    assert.equal(mine.diagnostics[0].severity, 3);
    assert.match(String(mine.diagnostics[0].message), /10\.0 MB, above the 4 MB that coder-dind analyses; it is not linted/);
    // main.tf beside it is linted, with big.tf left out of the module.
    service.didOpen(pathToFileURL(path.join(dir, 'main.tf')).href, 'variable "x" {}\n', 1);
    await service.flush();
    assert.deepEqual(service.workspace.moduleOf(path.join(dir, 'main.tf')).files.map((f) => path.basename(f.path)), ['main.tf']);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024);
    service.dispose();
  });

  it('--fix writes through a temporary file and a rename, keeping the mode and CRLF line endings', async () => {
    const dir = scratch();
    const file = path.join(dir, 'main.tf');
    const original = fixable(2).replace(/\n/g, '\r\n');
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    const run = await lint(['--fix', '--format', 'json', dir], dir);
    assert.ok([0, 1].includes(run.code), run.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.notEqual(after, original);
    assert.equal(after.match(/var\.workspaces_namespace/g)?.length, 2);
    assert.doesNotMatch(after, /(^|[^\r])\n/, 'a line ending lost its CR');
    assert.equal(fs.statSync(file).mode & 0o7777, 0o640);
    assert.notEqual(fs.statSync(file).ino, inode, 'written in place, not renamed over');
    assert.deepEqual(fs.readdirSync(dir), ['main.tf']);
  });

  it('writeAtomically leaves the original and no temporary file when the rename fails', () => {
    const dir = scratch();
    const file = path.join(dir, 'main.tf');
    fs.writeFileSync(file, 'original\n', { mode: 0o600 });
    // The module object itself (an `import * as` namespace cannot be assigned to).
    const nodeFs = require('node:fs') as typeof fs;
    const rename = nodeFs.renameSync;
    nodeFs.renameSync = () => {
      throw Object.assign(new Error('EXDEV: simulated failure'), { code: 'EXDEV' });
    };
    try {
      assert.throws(() => writeAtomically(file, 'replacement\n'), /EXDEV/);
    } finally {
      nodeFs.renameSync = rename;
    }
    assert.equal(fs.readFileSync(file, 'utf8'), 'original\n');
    assert.deepEqual(fs.readdirSync(dir), ['main.tf']);
  });

  it('--fix killed with SIGKILL at any moment leaves the original or the whole fix, never part of it', async () => {
    // Many findings make a long run: the kills land before, during and after the write.
    const work = scratch();
    const original = fixable(400);
    const reference = path.join(work, 'reference');
    fs.mkdirSync(reference);
    fs.writeFileSync(path.join(reference, 'main.tf'), original);
    const started = performance.now();
    const full = cliProcess(['lint', '--fix', '--format', 'json', reference]);
    const duration = performance.now() - started;
    assert.ok([0, 1].includes(full.status ?? -1), full.stderr);
    const fixed = fs.readFileSync(path.join(reference, 'main.tf'), 'utf8');
    assert.notEqual(fixed, original);
    const outcomes = { original: 0, fixed: 0 };
    // Spread over the time a whole run takes here, and a little beyond.
    for (const delay of [0.3, 0.6, 0.9, 1.0, 1.1, 1.3, 1.6, 2.5].map((f) => Math.round(f * duration))) {
      const dir = path.join(work, `kill-${delay}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'main.tf'), original);
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, 'lint', '--fix', '--format', 'json', dir], { cwd: ROOT, stdio: 'ignore' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8');
      assert.ok(now === original || now === fixed, `killed after ${delay} ms: main.tf is neither the original nor the fixed text (${now.length} characters)`);
      outcomes[now === original ? 'original' : 'fixed']++;
      // A temporary file may survive a SIGKILL (nothing runs after it); only ours, and the original is whole.
      for (const name of fs.readdirSync(dir)) assert.ok(name === 'main.tf' || /^\.main\.tf\.coder-dind-\d+-\d+\.tmp$/.test(name), `unexpected ${name}`);
    }
    console.log(`# SIGKILL during --fix: original kept ${outcomes.original}×, fix complete ${outcomes.fixed}×`);
  });
});
