import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';

const root = path.join(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');

function lint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SIDECAR = `terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

variable "workspaces_namespace" {
  default = "coder-namespace"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod_v1" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-\${data.coder_workspace.me.name}"
    namespace = var.namespace
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`;

const CLEAN = `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.17"
    }
  }
}
`;

describe('coder-dind lint (the bundled CLI)', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js exists (npm test builds it first; run npm run build)');
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-cli-'));
    mkdirSync(path.join(dir, 'sidecar'));
    writeFileSync(path.join(dir, 'sidecar', 'main.tf'), SIDECAR);
    mkdirSync(path.join(dir, 'clean'));
    writeFileSync(path.join(dir, 'clean', 'main.tf'), CLEAN);
  });

  it('gives the same undefined-reference finding in stylish, json and sarif', () => {
    const stylish = lint(['sidecar'], dir);
    assert.equal(stylish.code, 1);
    assert.match(stylish.stdout, /^sidecar\/main\.tf/m);
    assert.match(stylish.stdout, /^ {2}24:17 {2}error {4}`var\.namespace` refers to a variable .* {2}undefined-reference$/m);
    assert.match(stylish.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);

    const json = lint(['sidecar', '--format', 'json'], dir);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(parsed), ['version', 'results']);
    assert.equal(parsed.version, 1);
    assert.equal(parsed.results.length, 1);
    const result = parsed.results[0];
    assert.deepEqual(Object.keys(result), ['file', 'method', 'diagnostics']);
    assert.equal(result.file, path.join('sidecar', 'main.tf'));
    const ur = result.diagnostics.filter((d: { rule: string }) => d.rule === 'undefined-reference');
    assert.equal(ur.length, 1);
    assert.deepEqual(Object.keys(ur[0]), ['rule', 'messageId', 'severity', 'message', 'range', 'fixes']);
    assert.deepEqual(ur[0].range, { start: { line: 23, character: 16 }, end: { line: 23, character: 29 } });
    assert.equal(ur[0].severity, 'error');
    assert.equal(ur[0].messageId, 'undeclaredVariable');
    assert.deepEqual(ur[0].fixes, ['Change to `var.workspaces_namespace`', 'Declare `variable "namespace"`']);

    const sarif = lint(['sidecar', '--format', 'sarif'], dir);
    assert.equal(sarif.code, 1);
    const log = JSON.parse(sarif.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'coder-dind');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'undefined-reference');
    assert.match(rule.helpUri, /docs\/rules\/undefined-reference\.md$/);
    assert.equal(rule.defaultConfiguration.level, 'error');
    const res = run.results.filter((r: { ruleId: string }) => r.ruleId === 'undefined-reference');
    assert.equal(res.length, 1);
    assert.equal(run.tool.driver.rules[res[0].ruleIndex].id, 'undefined-reference');
    assert.deepEqual(res[0].locations[0].physicalLocation.region, { startLine: 24, startColumn: 17, endLine: 24, endColumn: 30 });
    assert.equal(res[0].locations[0].physicalLocation.artifactLocation.uri, 'sidecar/main.tf');
    assert.equal(res[0].message.text, ur[0].message);
  });

  it('exits 0 on a clean template and prints nothing in stylish', () => {
    const r = lint(['clean'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('exits 2 with a clear message on usage and read errors', () => {
    const missing = lint(['nope'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope/);
    const option = lint(['--frobnicate'], dir);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option --frobnicate/);
    const format = lint(['clean', '--format', 'xml'], dir);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format "xml"/);
    const empty = mkdtempSync(path.join(tmpdir(), 'coder-dind-empty-'));
    const none = lint([empty], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no \.tf files found/);
  });

  it('--max-warnings turns warnings into a failing exit', () => {
    const d = path.join(dir, 'warn');
    mkdirSync(d);
    // A workspace container without start_count: a warning only (its `name` is given, which docker_container requires).
    writeFileSync(
      path.join(d, 'main.tf'),
      `resource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n\nresource "docker_container" "w" {\n  name    = "w"\n  image   = "codercom/enterprise-base:ubuntu"\n  command = ["sh", "-c", coder_agent.main.init_script]\n  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]\n}\n`,
    );
    const ok = lint(['warn', '--format', 'json'], dir);
    const warnings = JSON.parse(ok.stdout).results[0].diagnostics.filter((x: { severity: string }) => x.severity === 'warning');
    assert.ok(warnings.length >= 1);
    assert.ok(!JSON.parse(ok.stdout).results[0].diagnostics.some((x: { severity: string }) => x.severity === 'error'));
    assert.equal(ok.code, 0);
    assert.equal(lint(['warn', '--max-warnings', String(warnings.length)], dir).code, 0);
    const failing = lint(['warn', '--max-warnings', String(warnings.length - 1)], dir);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /too many warnings/);
  });

  it('--rule changes a severity or turns a rule off', () => {
    const off = lint(['sidecar', '--rule', 'undefined-reference=off', '--format', 'json'], dir);
    assert.ok(!JSON.parse(off.stdout).results[0].diagnostics.some((x: { rule: string }) => x.rule === 'undefined-reference'));
    const warn = lint(['sidecar', '--rule=undefined-reference=warning', '--format', 'json'], dir);
    assert.equal(JSON.parse(warn.stdout).results[0].diagnostics.find((x: { rule: string }) => x.rule === 'undefined-reference').severity, 'warning');
  });

  it('--fix fixes a copy in place, keeps its mode and line ends, and leaves a file with syntax errors untouched', () => {
    const d = path.join(dir, 'fix');
    cpSync(path.join(dir, 'sidecar'), d, { recursive: true });
    const file = path.join(d, 'main.tf');
    writeFileSync(file, SIDECAR.replace(/\n/g, '\r\n'));
    chmodSync(file, 0o640);
    const broken = path.join(d, 'broken.tf');
    const brokenText = 'locals {\n  x = var.namespace\n  y =\n}\n';
    writeFileSync(broken, brokenText);
    const r = lint(['fix', '--fix', '--format', 'json'], dir);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.includes('namespace = var.workspaces_namespace\r\n'), 'the reference is renamed, CRLF kept');
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF was introduced');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.equal(readFileSync(broken, 'utf8'), brokenText, 'a file with hcl-syntax errors is never written');
    const after = JSON.parse(r.stdout);
    const main = after.results.find((x: { file: string }) => x.file.endsWith('main.tf'));
    assert.deepEqual(main.diagnostics.filter((x: { severity: string }) => x.severity === 'error'), []);
    assert.equal(r.code, 1, 'the broken file still has errors');
    assert.match(r.stderr, /applied \d+ fix/);
  });

  it('lints sub-folders as their own modules and reports the method per module', () => {
    const r = lint(['.', '--format', 'json'], dir);
    const files = JSON.parse(r.stdout).results.map((x: { file: string; method: string | null }) => [x.file, x.method]);
    assert.deepEqual(
      files.filter(([f]: [string]) => f.startsWith('sidecar') || f.startsWith('clean')),
      [
        [path.join('clean', 'main.tf'), null],
        [path.join('sidecar', 'main.tf'), null],
      ],
    );
  });

  it('prints the method of each of the seven variants (the examples/ scaffolds), with no error or warning', () => {
    const r = lint(['examples', '--format', 'json'], root);
    const results = JSON.parse(r.stdout).results as Array<{ file: string; method: string | null; diagnostics: Array<{ severity: string }> }>;
    const scaffolds = results.filter((x) => !x.file.startsWith(path.join('examples', 'broken-template')));
    assert.deepEqual(
      scaffolds.map((x) => [x.file, x.method]),
      [
        'envbox',
        'privileged-sidecar-docker',
        'privileged-sidecar-kubernetes',
        'rootless-podman',
        'sysbox-docker',
        'sysbox-kubernetes',
        'systemd-sysbox',
      ].map((m) => [path.join('examples', m, 'main.tf'), m]),
    );
    for (const x of scaffolds) assert.deepEqual(x.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), [], x.file);
    assert.equal(r.code, 1, 'examples/broken-template has errors');
  });
});
