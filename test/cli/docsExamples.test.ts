import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { checkSyntax } from '../../server/src/service/hclParser';

/**
 * Coder's "Docker in workspaces" page, its HCL examples as fixtures (test/fixtures/docs-examples), and
 * what each must get. The README's rule table lists the same expectations.
 */
const root = path.join(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');
const FIXTURES = path.join(root, 'test', 'fixtures', 'docs-examples');

interface Expectation {
  method: string;
  /** `rule@line` (1-based), sorted by line. */
  findings: string[];
  /** Warnings that stay after --fix because RULES.md gives them no fix, with why. */
  remainAfterFix: Record<string, string>;
}

const EXPECTED: Record<string, Expectation> = {
  'sysbox-docker': {
    method: 'sysbox-docker',
    findings: ['workspace-start-count@20', 'removed-workspace-owner-attribute@22'],
    remainAfterFix: {},
  },
  'sysbox-kubernetes': {
    method: 'sysbox-kubernetes',
    findings: ['deprecated-agent-dir@24', 'removed-workspace-owner-attribute@39'],
    remainAfterFix: {},
  },
  'envbox-pull-secret': { method: 'envbox', findings: [], remainAfterFix: {} },
  'privileged-sidecar-docker': {
    method: 'privileged-sidecar-docker',
    findings: ['sidecar-lifecycle@22', 'sidecar-lifecycle@26', 'privileged-container@28', 'dind-insecure-tcp@30'],
    remainAfterFix: {
      'privileged-container': 'the method needs a privileged sidecar; RULES.md offers only a suggestion (switch to Sysbox)',
      'dind-insecure-tcp': 'RULES.md fixes only the Kubernetes sidecar; across a Docker network loopback cannot work',
    },
  },
  'privileged-sidecar-kubernetes': {
    method: 'privileged-sidecar-kubernetes',
    findings: ['removed-workspace-owner-attribute@29', 'undefined-reference@30', 'privileged-container@38'],
    remainAfterFix: {
      'privileged-container': 'the method needs a privileged sidecar; RULES.md offers only a suggestion (switch to Sysbox)',
    },
  },
  'systemd-sysbox': {
    method: 'systemd-sysbox',
    findings: ['deprecated-agent-dir@24', 'removed-workspace-owner-attribute@31'],
    remainAfterFix: {},
  },
};

interface JsonResult {
  file: string;
  method: string | null;
  diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number } } }>;
}

function lintJson(args: string[]): { code: number | null; results: JsonResult[] } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args, '--format', 'json'], { encoding: 'utf8' });
  return { code: r.status, results: JSON.parse(r.stdout).results };
}

describe("the docs' own examples", () => {
  before(() => initParser());

  it('every example is covered', () => {
    const { readdirSync } = require('node:fs') as typeof import('node:fs');
    assert.deepEqual(readdirSync(FIXTURES).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: the method and exactly the expected findings`, () => {
      const { results } = lintJson([path.join(FIXTURES, name)]);
      assert.equal(results.length, 1);
      assert.equal(results[0].method, expected.method);
      assert.deepEqual(
        results[0].diagnostics.map((d) => `${d.rule}@${d.range.start.line + 1}`),
        expected.findings,
      );
    });

    it(`${name}: --fix leaves no error, only the documented warnings, and text that parses`, async () => {
      // The folder keeps the example's name: `coder templates push` would take it as the template name.
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'coder-dind-docs-')), name);
      cpSync(path.join(FIXTURES, name), dir, { recursive: true });
      const { code, results } = lintJson([dir, '--fix']);
      const left = results[0].diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(left.map((d) => d.rule).sort(), Object.keys(expected.remainAfterFix).sort());
      assert.equal(code, 0);
      assert.equal(results[0].method, expected.method, 'the fixes keep the method');
      const text = readFileSync(path.join(dir, 'main.tf'), 'utf8');
      assert.deepEqual(await checkSyntax(new TfFile(path.join(dir, 'main.tf'), text)), []);
      assert.ok(!/data\.coder_workspace\.me\.owner/.test(text));
    });
  }

  it('the privileged sidecar Kubernetes example: undefined-reference on var.namespace, fixed to var.workspaces_namespace', () => {
    const { results } = lintJson([path.join(FIXTURES, 'privileged-sidecar-kubernetes')]);
    const d = results[0].diagnostics.find((x) => x.rule === 'undefined-reference');
    assert.ok(d);
    assert.match(d.message, /`var\.namespace`.*Did you mean `var\.workspaces_namespace`/);
  });

  it('every data.coder_workspace.me.owner gets removed-workspace-owner-attribute', () => {
    for (const name of Object.keys(EXPECTED)) {
      const text = readFileSync(path.join(FIXTURES, name, 'main.tf'), 'utf8');
      const uses = text.split('\n').flatMap((l, i) => (/data\.coder_workspace\.me\.owner\b/.test(l) ? [i] : []));
      const { results } = lintJson([path.join(FIXTURES, name)]);
      const found = results[0].diagnostics.filter((d) => d.rule === 'removed-workspace-owner-attribute').map((d) => d.range.start.line);
      assert.deepEqual(found, uses, name);
    }
  });
});
