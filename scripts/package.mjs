// Builds the bundles, then packages the extension with vsce into coder-dind.vsix at the repo root.
// .vscodeignore is an allowlist, so the VSIX holds only what runs: dist/, the manifest, docs, snippets,
// the grammar. The bundles carry their dependencies, hence --no-dependencies.
//
//   --no-build    package the dist/ that is there
//   --out <file>  write the VSIX there instead
//   --list        print the files the VSIX would hold (vsce ls), one a line, and package nothing
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(root, 'coder-dind.vsix');
const list = args.includes('--list');
const started = Date.now();

function step(title, args, cwd = root) {
  const t0 = Date.now();
  console.log(`[package] ${title}`);
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`[package] ${title} done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (!args.includes('--no-build')) step('build', [join(root, 'scripts/build.mjs')]);
for (const file of ['dist/client.js', 'dist/server.js']) {
  if (!existsSync(join(root, file))) {
    console.error(`[package] ${file} is missing after the build`);
    process.exit(1);
  }
}

// vsce walks every file under its working folder before it applies .vscodeignore, and the repo holds
// the e2e tools (.e2e/, hundreds of MB). So package from a staging folder that holds only the top-level
// entries the allowlist names; .vscodeignore then filters inside them as usual.
const allowlist = readFileSync(join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1).replace(/^\//, '').split('/')[0]);
const stage = mkdtempSync(join(tmpdir(), 'coder-dind-package-'));
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));
for (const entry of new Set(['.vscodeignore', ...allowlist])) {
  if (!entry.includes('*') && existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}

const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
// No flag that silences a check (--allow-missing-repository, --skip-license, ...): the manifest has what
// the Marketplace asks for, and test/unit/package.test.ts fails on any warning vsce prints.
if (list) {
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, stdio: 'inherit' });
  process.exit(listed.status ?? 1);
}
step('vsce package', [vsce, 'package', '--no-dependencies', '--out', out], stage);
console.log(
  `[package] ${relative(root, out)} (${(statSync(out).size / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
);
