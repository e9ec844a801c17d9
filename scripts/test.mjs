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
  // ESLint on the shipped sources (eslint.config.mjs): what the compiler cannot check, such as a
  // promise nobody awaits. Typed linting, so it reads each file with its own tsconfig project.
  lint: () => run('eslint', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0']),
  unit: () => {
    const suites = ['unit', 'rules', 'lsp', 'cli'].flatMap((d) => {
      try { return findTests(join(root, 'test', d)); } catch { return []; }
    });
    run(`unit, rule, LSP and CLI tests (${suites.length} files)`, process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...suites.map((f) => relative(root, f))]);
  },
  fuzz: () => {
    // Every saved failing mutant again, then a bounded, seeded fuzz run (test/fuzz/run.ts): at least
    // 5,000 mutants through the in-process server and, for a sample, the CLI. Long runs: npm run fuzz.
    run('fuzz regression fixtures', process.execPath, ['--import', 'tsx', '--test', '--test-reporter', 'spec', 'test/fuzz/regressions.test.ts']);
    run('fuzz (bounded run)', process.execPath, ['--import', 'tsx', 'test/fuzz/run.ts', '--seed', '1']);
  },
  grammar: () => {
    // Scope assertions in test/grammar/*.tf against the grammars registered in package.json. The shell
    // grammar (VS Code's own, scope source.shell) and HashiCorp's source.hcl.terraform come from the
    // tm-grammars dev dependency: the first is embedded in heredocs, the second is the host the injection
    // grammars are tested on.
    const cases = readdirSync(join(root, 'test', 'grammar')).filter((n) => n.endsWith('.tf'));
    run(`grammar scope tests (${cases.length} files)`, process.execPath, [
      'node_modules/vscode-tmgrammar-test/dist/unit.js',
      '-g', 'node_modules/tm-grammars/grammars/shellscript.json',
      '-g', 'node_modules/tm-grammars/grammars/terraform.json',
      'test/grammar/*.tf',
    ]);
  },
  e2e: () => {
    // The real VS Code (code-server + Chromium): setup, package, extension-host tests, UI tests.
    if (process.env.CODER_DIND_SKIP_E2E === '1') {
      if (ci) {
        console.error('\nCODER_DIND_SKIP_E2E=1 is set, but CI=true: no stage may be skipped in CI.');
        process.exit(1);
      }
      console.log('\n=== end-to-end tests: SKIPPED (CODER_DIND_SKIP_E2E=1; run npm run e2e before you push)');
      return;
    }
    run('end-to-end tests in a real VS Code (code-server)', process.execPath, ['test/e2e/run.mjs']);
  },
};

const only = process.argv.slice(2);
for (const [name, stage] of Object.entries(stages)) {
  if (only.length && !only.includes(name)) continue;
  stage();
}
if (!only.length && ci) console.log('\nall stages passed (CI mode: nothing skipped)');
