import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runLint } from '../../server/src/cli/lint';
import { dockerWorkspace } from '../helpers/cliTemplates';

/**
 * The lint cache. Whether a module came from the cache is seen in the output: the test marks every
 * cached finding's message (and re-seals the entry's checksum, as the CLI would have written it), so a
 * module read from the cache shows the mark and a module linted again shows the rule's own message.
 */

/** A warning (no start_count) and an error (an undeclared variable) in each module. */
const TEMPLATE = (n: number) => dockerWorkspace(`w${n}`, `  privileged = var.missing${n}\n`);

const MARK = '[from the cache] ';

function tree(): string {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'coder-dind-cache-'));
  for (const name of ['a', 'b', 'c']) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'main.tf'), TEMPLATE(name.charCodeAt(0)));
  }
  return dir;
}

async function lint(dir: string, args: string[], version = '1.0.0') {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), cwd: dir, isTTY: false, env: {} };
  const code = await runLint(['.', '--format', 'json', '--jobs', '1', ...args], io, version);
  const messages = new Map<string, string[]>();
  for (const r of (JSON.parse(stdout) as { results: Array<{ file: string; diagnostics: Array<{ message: string }> }> }).results) {
    messages.set(path.dirname(r.file), r.diagnostics.map((d) => d.message));
  }
  return { code, stderr, messages };
}

/** Which modules the output shows from the cache (their messages carry the mark). */
function fromCache(messages: Map<string, string[]>): string[] {
  return [...messages].filter(([, m]) => m.length && m.every((x) => x.startsWith(MARK))).map(([dir]) => dir).sort();
}

function entries(cacheDir: string): string[] {
  return fs.readdirSync(cacheDir).filter((n) => n.endsWith('.json')).map((n) => path.join(cacheDir, n));
}

/** Marks every cached message and re-seals the entry as the CLI writes it. */
function markEntries(cacheDir: string): void {
  for (const file of entries(cacheDir)) {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as { sum: string; files: Array<{ findings: Array<{ message: string }> }> };
    for (const f of entry.files) for (const x of f.findings) x.message = MARK + x.message.replace(MARK, '');
    entry.sum = createHash('sha256').update(JSON.stringify(entry.files)).digest('hex');
    fs.writeFileSync(file, JSON.stringify(entry));
  }
}

describe('coder-dind lint --cache', () => {
  it('keeps one entry per module in --cache-location, and a second run over an unchanged tree reads them all', async () => {
    const dir = tree();
    const first = await lint(dir, ['--cache-location', '.lint-cache']);
    assert.equal(first.code, 1);
    assert.equal(entries(path.join(dir, '.lint-cache')).length, 3);
    assert.deepEqual(fromCache(first.messages), []);
    markEntries(path.join(dir, '.lint-cache'));
    const second = await lint(dir, ['--cache-location', '.lint-cache']);
    assert.deepEqual(fromCache(second.messages), ['a', 'b', 'c']);
    assert.equal(second.code, 1, 'the cached errors still fail the run');
    assert.equal(second.stderr, '');
    const without = await lint(dir, []);
    assert.deepEqual(fromCache(without.messages), [], 'without --cache nothing is read');
  });

  it('lints again only the module whose file changed, or that gained or lost a file', async () => {
    const dir = tree();
    const cache = path.join(dir, '.c');
    await lint(dir, ['--cache-location', cache]);
    markEntries(cache);
    fs.appendFileSync(path.join(dir, 'b', 'main.tf'), '\n# a comment changes the content\n');
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'c']);
    markEntries(cache);
    fs.writeFileSync(path.join(dir, 'c', 'variables.tf'), 'variable "missing99" {}\n');
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b']);
    markEntries(cache);
    fs.rmSync(path.join(dir, 'c', 'variables.tf'));
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b']);
  });

  it('lints again a module whose local module changed, or whose folder gained a file push leaves out', async () => {
    const dir = tree();
    const cache = path.join(dir, '.c');
    const child = path.join(dir, 'a', 'modules', 'box');
    fs.mkdirSync(child, { recursive: true });
    fs.writeFileSync(path.join(child, 'variables.tf'), 'variable "size" {\n  type = number\n}\n');
    fs.appendFileSync(path.join(dir, 'a', 'main.tf'), '\nmodule "box" {\n  source = "./modules/box"\n  size   = 1\n}\n');
    await lint(dir, ['--cache-location', cache]);
    markEntries(cache);
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b', 'c']);
    markEntries(cache);
    fs.writeFileSync(path.join(child, 'variables.tf'), 'variable "volume_size" {\n  type = number\n}\n');
    const changed = await lint(dir, ['--cache-location', cache]);
    assert.deepEqual(fromCache(changed.messages), ['b', 'c']);
    assert.ok(changed.messages.get('a')?.some((m) => /has no input `size`/.test(m)), 'the caller is linted with its child as it is now');
    markEntries(cache);
    fs.writeFileSync(path.join(dir, 'c', 'terraform.tfvars'), 'missing99 = true\n');
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b']);
  });

  it('lints everything again when a rule setting or the tool changes, and not when only the order of settings does', async () => {
    const dir = tree();
    const cache = path.join(dir, '.c');
    await lint(dir, ['--cache-location', cache, '--rule', 'privileged-container=warning', '--rule', 'undefined-reference=warning']);
    markEntries(cache);
    const reordered = await lint(dir, ['--cache-location', cache, '--rule', 'undefined-reference=warning', '--rule', 'privileged-container=warning']);
    assert.deepEqual(fromCache(reordered.messages), ['a', 'b', 'c']);
    const changed = await lint(dir, ['--cache-location', cache, '--rule', 'undefined-reference=error']);
    assert.deepEqual(fromCache(changed.messages), []);
    markEntries(cache);
    const newer = await lint(dir, ['--cache-location', cache, '--rule', 'undefined-reference=error'], '1.0.1');
    assert.deepEqual(fromCache(newer.messages), []);
    markEntries(cache);
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache, '--rule', 'undefined-reference=error'], '1.0.1')).messages), ['a', 'b', 'c']);
  });

  it('ignores a corrupt or tampered entry with one warning line and gives the right findings', async () => {
    const dir = tree();
    const cache = path.join(dir, '.c');
    const clean = await lint(dir, ['--cache-location', cache]);
    const [first, second] = entries(cache);
    fs.writeFileSync(first, '{"format":1,"dir":');
    const entry = JSON.parse(fs.readFileSync(second, 'utf8')) as { files: Array<{ findings: Array<{ message: string }> }> };
    entry.files[0].findings[0].message = 'tampered';
    fs.writeFileSync(second, JSON.stringify(entry));
    const r = await lint(dir, ['--cache-location', cache]);
    assert.deepEqual(r.messages, clean.messages);
    assert.equal(r.code, clean.code);
    const warnings = r.stderr.split('\n').filter(Boolean);
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0], /^coder-dind: warning: cache: ignoring .*\(linted again\)$/);
    // The entries were replaced by good ones.
    markEntries(cache);
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b', 'c']);
  });

  it('runs without the cache, with one warning line, when its location cannot be used', async () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const clean = await lint(dir, []);
    const r = await lint(dir, ['--cache-location', 'not-a-folder']);
    assert.deepEqual(r.messages, clean.messages);
    const warnings = r.stderr.split('\n').filter(Boolean);
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0], /^coder-dind: warning: cache: cannot write to .*not-a-folder.*results are not cached$/);
  });

  it('--fix with --cache: a module cached with nothing to fix is left alone, one with a fix is fixed and cached as fixed', async () => {
    const dir = tree();
    const cache = path.join(dir, '.c');
    fs.mkdirSync(path.join(dir, 'd'));
    const fixable = 'data "coder_workspace" "me" {}\n\nvariable "workspaces_namespace" {\n  default = "coder"\n}\n\nlocals {\n  ns = var.namespace\n}\n';
    fs.writeFileSync(path.join(dir, 'd', 'main.tf'), fixable);
    await lint(dir, ['--cache-location', cache]);
    markEntries(cache);
    // --quiet: only the fixes of errors apply; a, b and c have errors without a preferred fix.
    const fixed = await lint(dir, ['--cache-location', cache, '--fix', '--quiet']);
    assert.match(fs.readFileSync(path.join(dir, 'd', 'main.tf'), 'utf8'), /ns = var\.workspaces_namespace/);
    assert.deepEqual(fromCache(fixed.messages), ['a', 'b', 'c']);
    assert.deepEqual(fixed.messages.get('d'), []);
    const entry = entries(cache)
      .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as { dir: string; files: Array<{ findings: unknown[] }> })
      .find((e) => e.dir === path.join(dir, 'd'));
    assert.deepEqual(entry?.files.map((f) => f.findings), [[]], "d's entry holds the fixed module's findings: none");
    markEntries(cache);
    assert.deepEqual(fromCache((await lint(dir, ['--cache-location', cache])).messages), ['a', 'b', 'c']);
  });

  it('the bundled CLI keeps its cache in node_modules/.cache/coder-dind by default', () => {
    const dir = tree();
    const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', '.', '--cache'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(entries(path.join(dir, 'node_modules', '.cache', 'coder-dind')).length, 3);
  });
});
