import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli';

/** A template with an error that has a preferred fix, a warning with a fix, and a finding without one. */
const TEMPLATE = `terraform {
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

resource "docker_container" "workspace" {
  name       = "w"
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", "NS=\${var.namespace}"]
}
`;

async function lint(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['lint', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} });
  return { code, stdout, stderr };
}

/** The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it in its multitool package (one per platform). */
function sarifSchema(): object {
  const platform = process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
  return JSON.parse(fs.readFileSync(require.resolve(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`), 'utf8')) as object;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }>;
  partialFingerprints: Record<string, string>;
  message: { text: string; id?: string; arguments?: string[] };
  fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string; uriBaseId?: string }; replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }> }> }>;
}

/** Applies one SARIF fix's replacements (one-based lines and UTF-16 columns) to a text. */
function applySarifFix(text: string, replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }>): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const edits = replacements.map((r) => ({ start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), end: offset(r.deletedRegion.endLine, r.deletedRegion.endColumn), text: r.insertedContent.text }));
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('lint report formats', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'coder-dind-formats-'));
    fs.mkdirSync(path.join(dir, 'tpl'));
    fs.writeFileSync(path.join(dir, 'tpl', 'main.tf'), TEMPLATE);
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.writeFileSync(path.join(dir, 'broken', 'main.tf'), 'locals {\n  a = [\n}\n');
  });

  it('SARIF validates against the SARIF 2.1.0 schema, with rule metadata and a fix for each fixable finding', async () => {
    const r = await lint(['.', '--format', 'sarif'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: unknown[] } }; results: unknown[] }> };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema());
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    const run = log.runs[0];
    const rules = run.tool.driver.rules as unknown as Array<{ id: string; helpUri: string; fullDescription: { text: string }; shortDescription: { text: string } }>;
    const ur = rules.find((x) => x.id === 'undefined-reference');
    assert.match(ur?.helpUri ?? '', /docs\/rules\/undefined-reference\.md$/);
    assert.ok(ur?.fullDescription.text.startsWith(ur.shortDescription.text));
    const results = run.results as unknown as SarifResult[];
    assert.ok(results.some((x) => x.ruleId === 'hcl-syntax' && x.locations[0].physicalLocation.artifactLocation.uri === 'broken/main.tf'));
    for (const x of results) assert.equal(rules[x.ruleIndex].id, x.ruleId);

    // The undefined reference's preferred fix, applied from the SARIF alone, gives what --fix writes.
    const finding = results.find((x) => x.ruleId === 'undefined-reference');
    const fix = finding?.fixes?.[0];
    assert.equal(fix?.description.text, 'Change to `var.workspaces_namespace`');
    assert.equal(fix?.artifactChanges[0].artifactLocation.uri, 'tpl/main.tf');
    assert.equal(fix?.artifactChanges[0].artifactLocation.uriBaseId, 'SRCROOT');
    assert.equal(applySarifFix(TEMPLATE, fix?.artifactChanges[0].replacements ?? []), TEMPLATE.replace('NS=${var.namespace}', 'NS=${var.workspaces_namespace}'));
    assert.ok(!results.find((x) => x.ruleId === 'hcl-syntax')?.fixes, 'no fixes where there is none');

    // Each result names its rule's message string; filled as SARIF fills it ({0} from the arguments, a
    // doubled brace as one), it is the result's text. Tags ride on the rule.
    const strings = rules as unknown as Array<{ messageStrings: Record<string, { text: string }>; properties: { tags: string[] } }>;
    for (const x of results) {
      const template = strings[x.ruleIndex].messageStrings[x.message.id ?? '']?.text;
      assert.ok(template, `${x.ruleId}: message id "${x.message.id}" is among its messageStrings`);
      const filled = template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, n: string | undefined) => (n !== undefined ? (x.message.arguments?.[Number(n)] ?? '?') : m[0]));
      assert.equal(filled, x.message.text, x.ruleId);
    }
    assert.ok(strings[rules.findIndex((x) => x.id === 'privileged-container')].properties.tags.includes('security'));
  });

  it('SARIF fingerprints are the same on every run and when lines are added above a finding', async () => {
    const fingerprints = async () =>
      new Map(
        ((JSON.parse((await lint(['tpl', '--format', 'sarif'], dir)).stdout).runs[0].results as SarifResult[]).map((x) => [
          `${x.ruleId}`,
          { print: x.partialFingerprints['coderDind/v1'], line: x.locations[0].physicalLocation.region.startLine },
        ])),
      );
    const first = await fingerprints();
    assert.deepEqual(await fingerprints(), first);
    fs.writeFileSync(path.join(dir, 'tpl', 'main.tf'), `# a comment\n\n${TEMPLATE}`);
    try {
      const moved = await fingerprints();
      assert.deepEqual([...moved.keys()].sort(), [...first.keys()].sort());
      for (const [rule, { print, line }] of moved) {
        assert.equal(print, first.get(rule)?.print, rule);
        assert.equal(line, (first.get(rule)?.line ?? 0) + 2, rule);
      }
      assert.equal(new Set([...moved.values()].map((v) => v.print)).size, moved.size, 'fingerprints differ between findings');
    } finally {
      fs.writeFileSync(path.join(dir, 'tpl', 'main.tf'), TEMPLATE);
    }
  });

  it('--format gitlab writes the Code Climate fields GitLab reads, with unique fingerprints', async () => {
    const r = await lint(['.', '--format', 'gitlab'], dir);
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.stdout) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } }; severity: string; fingerprint: string; check_name: string; description: string }>;
    assert.ok(Array.isArray(issues) && issues.length >= 4);
    for (const i of issues) {
      assert.equal(typeof i.description, 'string');
      assert.equal(typeof i.check_name, 'string');
      assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
      assert.ok(!path.isAbsolute(i.location.path) && !i.location.path.startsWith('./'));
      assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    const syntax = issues.find((i) => i.check_name === 'hcl-syntax');
    assert.deepEqual([syntax?.location.path, syntax?.severity], ['broken/main.tf', 'major']);
    assert.deepEqual(issues.find((i) => i.check_name === 'workspace-start-count')?.severity, 'minor');
    const again = JSON.parse((await lint(['.', '--format', 'gitlab'], dir)).stdout) as typeof issues;
    assert.deepEqual(again.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
  });

  it('--quiet shows errors only, and --max-warnings still counts the warnings', async () => {
    const all = JSON.parse((await lint(['tpl', '--format', 'json'], dir)).stdout).results[0].diagnostics as Array<{ severity: string }>;
    assert.ok(all.some((d) => d.severity === 'warning'));
    const quiet = await lint(['tpl', '--format', 'json', '--quiet'], dir);
    const shown = JSON.parse(quiet.stdout).results[0].diagnostics as Array<{ severity: string }>;
    assert.deepEqual(shown, all.filter((d) => d.severity === 'error'));
    const warnOnly = await lint(['tpl', '--quiet', '--rule', 'undefined-reference=warning', '--rule', 'privileged-container=off'], dir);
    assert.equal(warnOnly.code, 0);
    assert.equal(warnOnly.stdout, '');
    const counted = await lint(['tpl', '--quiet', '--rule', 'undefined-reference=warning', '--rule', 'privileged-container=off', '--max-warnings', '0'], dir);
    assert.equal(counted.code, 1);
    assert.match(counted.stderr, /too many warnings/);
  });

  it('--output-file writes the report (creating its folder) instead of printing it, and refuses a folder', async () => {
    const r = await lint(['tpl', '--format', 'sarif', '--output-file', 'reports/lint.sarif'], dir);
    assert.equal(r.code, 1, 'the exit code is the findings');
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'lint.sarif'), 'utf8')).version, '2.1.0');
    fs.writeFileSync(path.join(dir, 'reports', 'stale.txt'), 'old report');
    const clean = await lint(['tpl', '--quiet', '--rule', 'undefined-reference=off', '-o', 'reports/stale.txt'], dir);
    assert.equal(clean.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'reports', 'stale.txt'), 'utf8'), '', 'an empty report replaces an old one');
    const folder = await lint(['tpl', '--output-file', 'reports'], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot write the report to reports: it is a folder/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'reports')).sort(), ['lint.sarif', 'stale.txt'], 'no temporary file is left');
  });
});
