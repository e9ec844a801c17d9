import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { dockerWorkspace } from '../helpers/cliTemplates';

/**
 * The ready-made integrations: the GitHub Action (action.yml; its lint step, action/run.mjs, run as the
 * runner runs it) and the pre-commit hooks (.pre-commit-hooks.yaml; their entry run as pre-commit runs
 * it, on the package `npm pack` makes). GitHub's runner and pre-commit itself are not on this machine.
 */

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const yaml = require('js-yaml') as { load(text: string): unknown };

const ERROR_TEMPLATE = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = var.workdir
}
`;
/** A workspace container without start_count: one warning, no error. */
const WARNING_TEMPLATE = dockerWorkspace();

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'coder-dind-integrations-'));
  for (const [name, text] of [['errors', ERROR_TEMPLATE], ['warnings', WARNING_TEMPLATE]]) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'main.tf'), text);
  }
  return dir;
}

/** The lint step as the runner runs it: its inputs in INPUT_* variables, its outputs in $GITHUB_OUTPUT. */
function actionStep(cwd: string, inputs: Record<string, string>) {
  const outputFile = path.join(cwd, 'github-output.txt');
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: cwd, CODER_DIND_CLI: CLI, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'action', 'run.mjs')], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('the GitHub Action', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js exists (npm run build)'));

  it('action.yml is a composite action: Node, the lint step with every input, the SARIF upload, then the failing step', () => {
    const action = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      runs: { using: string; steps: Array<{ uses?: string; run?: string; id?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }> };
    };
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fix', 'node-version', 'paths', 'sarif-file', 'severity', 'upload-sarif']);
    const steps = action.runs.steps;
    assert.match(steps[0].uses ?? '', /^actions\/setup-node@v\d+$/);
    const lint = steps.find((s) => s.id === 'lint');
    assert.equal(lint?.run, 'node "$GITHUB_ACTION_PATH/action/run.mjs"');
    for (const name of ['paths', 'severity', 'fix', 'sarif-file']) assert.equal(lint?.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
    assert.match(upload?.if ?? '', /!cancelled\(\)/);
    assert.equal(steps[steps.length - 1].if, "${{ steps.lint.outputs.failed == 'true' }}");
  });

  it('the lint step writes the SARIF report, prints the findings, and fails the job only at the chosen severity', () => {
    const dir = workspace();
    const errors = actionStep(dir, { paths: 'errors warnings', severity: 'error' });
    assert.equal(errors.code, 0, errors.stderr);
    assert.equal(errors.outputs['sarif-file'], 'coder-dind.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'coder-dind.sarif'), 'utf8'));
    const uris = new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['errors/main.tf', 'warnings/main.tf']);
    assert.equal(errors.outputs.failed, 'true');
    assert.ok(Number(errors.outputs.errors) >= 1 && Number(errors.outputs.warnings) >= 1, JSON.stringify(errors.outputs));
    assert.match(errors.stdout, /undefined-reference/, 'the findings are in the log');

    assert.equal(actionStep(dir, { paths: 'warnings', severity: 'error' }).outputs.failed, 'false');
    assert.equal(actionStep(dir, { paths: 'warnings', severity: 'warning' }).outputs.failed, 'true');
    assert.equal(actionStep(dir, { paths: 'errors', severity: 'never' }).outputs.failed, 'false');
  });

  it('fix: true fixes the checked-out files before reporting', () => {
    const dir = workspace();
    const r = actionStep(dir, { paths: 'warnings', fix: 'true', severity: 'warning', 'sarif-file': 'out/report.sarif' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'warnings', 'main.tf'), 'utf8'), /count\s+= data\.coder_workspace\.me\.start_count/);
    assert.equal(r.outputs.failed, 'false');
    assert.ok(fs.existsSync(path.join(dir, 'out', 'report.sarif')));
  });

  it('fails the step on a wrong input or a path that does not exist, before any output', () => {
    const dir = workspace();
    const severity = actionStep(dir, { paths: 'errors', severity: 'fatal' });
    assert.equal(severity.code, 2);
    assert.match(severity.stdout, /::error::severity must be one of error, warning, info, hint, never/);
    const missing = actionStep(dir, { paths: 'nope' });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope/);
    assert.deepEqual(missing.outputs, {});
  });
});

describe('the pre-commit hooks', () => {
  const hooks = () =>
    yaml.load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;

  it('run coder-dind from the package npm pack makes, on .tf files only', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.deepEqual(hooks().map((h) => h.id), ['coder-dind', 'coder-dind-fix']);
    for (const h of hooks()) {
      assert.equal(h.language, 'node');
      assert.equal(pkg.bin[h.entry.split(' ')[0]], './dist/cli.js');
      const files = new RegExp(h.files);
      assert.ok(files.test('templates/docker/main.tf') && !files.test('main.tf.bak') && !files.test('prod.tfvars'));
    }
    // pre-commit reads the tarball's name from npm pack's standard output: nothing else may go there.
    const name = spawnSync('npm', ['pack', '--dry-run'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(name.stdout, `coder-dind-${(pkg as unknown as { version: string }).version}.tgz\n`);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const packed = new Set((JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path));
    for (const f of ['package.json', 'scripts/postinstall.mjs', 'dist/cli.js', 'dist/hcl-worker.js', 'dist/hcl2json.wasm.gz', 'dist/tree-sitter-terraform.wasm', 'dist/web-tree-sitter.wasm']) assert.ok(packed.has(f), f);
    // Installed from the tarball, dist/ is there: the postinstall does nothing and prints nothing.
    assert.equal(pkg.scripts.postinstall, 'node scripts/postinstall.mjs');
    const post = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'postinstall.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual([post.status, post.stdout, post.stderr], [0, '', '']);
    assert.ok(![...packed].some((f) => f.startsWith('server/') || f.startsWith('test/') || f.startsWith('node_modules/') || f === 'scripts/build.mjs'));
  });

  it('as pre-commit runs them: the staged files are given, each linted with its folder, and only they are reported', () => {
    const dir = workspace();
    // A second file of the folder declares what main.tf uses: it counts, though it is not staged.
    fs.writeFileSync(path.join(dir, 'errors', 'variables.tf'), 'variable "workdir" {\n  default = "/home/coder"\n}\n');
    const entry = (hook: string, files: string[]) => {
      const [, ...args] = (hooks().find((h) => h.id === hook)?.entry ?? '').split(' ');
      return spawnSync(process.execPath, [CLI, ...args, ...files], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    };
    const clean = entry('coder-dind', ['errors/main.tf']);
    assert.equal(clean.status, 0, clean.stdout);
    fs.rmSync(path.join(dir, 'errors', 'variables.tf'));
    const failing = entry('coder-dind', ['errors/main.tf']);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^errors\/main\.tf$/m);
    const fixed = entry('coder-dind-fix', ['warnings/main.tf']);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.match(fs.readFileSync(path.join(dir, 'warnings', 'main.tf'), 'utf8'), /start_count/);
  });
});
