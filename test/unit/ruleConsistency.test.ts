import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_METAS, RULES } from '../../server/src/rules';
import { docsUrl, RuleTag, TAG_MEANINGS } from '../../server/src/rules/types';

const root = path.join(__dirname, '..', '..');

/** The catalogue of RULES.md (v1) and the rules added since: their ids are a public interface. */
const CATALOGUE: Array<[string, 'error' | 'warning' | 'info' | 'hint']> = [
  ['hcl-syntax', 'error'],
  ['undefined-reference', 'error'],
  ['removed-workspace-owner-attribute', 'error'],
  ['deprecated-agent-dir', 'warning'],
  ['kubernetes-provider-too-old', 'error'],
  ['deprecated-kubernetes-resource', 'hint'],
  ['sysbox-privileged', 'error'],
  ['sysbox-userns-annotation', 'warning'],
  ['docker-daemon-unsupported', 'error'],
  ['systemd-requires-root', 'error'],
  ['systemd-requires-sysbox', 'error'],
  ['privileged-container', 'warning'],
  ['dind-missing-docker-host', 'warning'],
  ['dind-insecure-tcp', 'warning'],
  ['sidecar-lifecycle', 'info'],
  ['envbox-not-privileged', 'error'],
  ['envbox-missing-env', 'error'],
  ['envbox-missing-mount', 'warning'],
  ['envbox-literal-pull-secret', 'warning'],
  ['envbox-gpu-needs-usr-lib', 'error'],
  ['envbox-memory-units', 'warning'],
  ['podman-missing-fuse', 'warning'],
  ['podman-apparmor-annotation', 'info'],
  ['agent-token-missing', 'error'],
  ['agent-not-started', 'warning'],
  ['workspace-start-count', 'warning'],
  // Round two: validation against the generated provider schemas (docs/schemas.md).
  ['unknown-resource-type', 'error'],
  ['unknown-argument', 'error'],
  ['unknown-block', 'error'],
  ['missing-required-argument', 'error'],
  ['missing-required-block', 'error'],
  ['too-many-blocks', 'error'],
  ['read-only-argument', 'error'],
  ['invalid-value', 'error'],
  ['deprecated-argument', 'warning'],
  ['unsupported-attribute', 'error'],
  // Modules: Coder's registry index and local modules.
  ['module-missing-required-input', 'error'],
  ['module-unknown-input', 'error'],
  ['module-unpinned-version', 'warning'],
  // What `coder templates push` would reject (docs/rules pages quote Coder's own error text).
  ['agent-name-invalid', 'error'],
  ['app-slug-invalid', 'error'],
  ['duplicate-agent-name', 'error'],
  ['duplicate-app-slug', 'error'],
  ['duplicate-metadata-key', 'error'],
  ['duplicate-resource-metadata', 'error'],
  ['duplicate-parameter-name', 'error'],
  ['parameter-invalid-default', 'error'],
  ['parameter-form-type', 'error'],
  ['parameter-ephemeral', 'error'],
  ['parameter-duplicate-option', 'error'],
  ['parameter-option-type', 'error'],
  ['parameter-validation', 'error'],
  ['duplicate-preset-name', 'error'],
  ['multiple-default-presets', 'error'],
  ['preset-unknown-parameter', 'error'],
  ['preset-invalid-value', 'error'],
  ['prebuild-schedule', 'error'],
  ['workspace-tags-not-static', 'error'],
  ['script-cron', 'error'],
  ['script-never-runs', 'error'],
  ['archive-too-large', 'error'],
  ['file-not-uploaded', 'error'],
  ['template-name-invalid', 'warning'],
  ['variable-without-value', 'info'],
];

describe('rule catalogue consistency', () => {
  it('the registry holds exactly the catalogue, sorted, with the catalogue\'s default severities', () => {
    assert.deepEqual(RULE_METAS.map((m) => m.id), CATALOGUE.map(([id]) => id).sort());
    for (const [id, severity] of CATALOGUE) assert.equal(RULE_METAS.find((m) => m.id === id)?.defaultSeverity, severity, id);
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort(), 'RULES is sorted by id');
  });

  for (const [id] of CATALOGUE) {
    it(`${id}: rule file, table test, docs page and docs link agree`, () => {
      const source = path.join(root, 'server', 'src', 'rules', `${id}.ts`);
      assert.ok(existsSync(source), `server/src/rules/${id}.ts exists`);
      assert.match(readFileSync(source, 'utf8'), new RegExp(`id: '${id}'`), 'the file declares its own id');
      const test = path.join(root, 'test', 'rules', `${id}.test.ts`);
      assert.ok(existsSync(test), `test/rules/${id}.test.ts exists`);
      const docs = path.join(root, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(docs), `docs/rules/${id}.md exists`);
      const page = readFileSync(docs, 'utf8');
      assert.equal(page.split('\n')[0], `# ${id}`);
      assert.match(page, /## Wrong[\s\S]*```hcl[\s\S]*## Right[\s\S]*```hcl/, 'the page shows a wrong and a right example');
      assert.match(page, /https:\/\/coder\.com\/docs\//, 'the page links the Coder docs');
      assert.ok(docsUrl(id).endsWith(`/docs/rules/${id}.md`));
      const meta = RULE_METAS.find((m) => m.id === id);
      assert.ok(meta, 'registered');
      if (meta.fixable) assert.match(page, /\*\*Fix:\*\* yes/, 'a fixable rule says so on its page');
      assert.ok(meta.tags.length, 'the rule has at least one tag');
      assert.equal(new Set(meta.tags).size, meta.tags.length, 'no tag twice');
      assert.equal(/^\*\*Tags:\*\* (.*)$/m.exec(page)?.[1], meta.tags.map((t) => `\`${t}\``).join(', '), 'the page lists the meta\'s tags, in order');
      assert.ok(Object.keys(meta.messages).length, 'the rule declares its messages');
      for (const [messageId, text] of Object.entries(meta.messages)) {
        assert.match(messageId, /^[a-z][A-Za-z0-9]*$/, `message id "${messageId}" is camelCase`);
        assert.ok(!/\{\{(?!\s*[\w.-]+\s*\}\})/.test(text), `message "${messageId}" has a malformed {{placeholder}}`);
      }
    });
  }

  it('every tag is on some rule, and every rule names each method it concerns by its tag', () => {
    const used = new Set(RULE_METAS.flatMap((m) => m.tags));
    assert.deepEqual(Object.keys(TAG_MEANINGS).filter((t) => !used.has(t as RuleTag)), [], 'tags no rule has');
    // The docs page's "Methods" line and the tags agree: a rule for one method is tagged with it.
    const methodTags: Record<string, RuleTag[]> = {
      'sysbox-docker': ['sysbox'],
      'sysbox-kubernetes': ['sysbox'],
      'systemd-sysbox': ['sysbox', 'systemd'],
      envbox: ['envbox'],
      'rootless-podman': ['podman'],
      'privileged-sidecar-docker': ['dind'],
      'privileged-sidecar-kubernetes': ['dind'],
    };
    for (const meta of RULE_METAS) {
      const page = readFileSync(path.join(root, 'docs', 'rules', `${meta.id}.md`), 'utf8');
      const methods = /\*\*Methods?:\*\* ([^\n]*)/.exec(page)?.[1] ?? '';
      if (methods.startsWith('all')) continue; // a rule for every method may name some as examples
      const kubernetesMethods = ['sysbox-kubernetes', 'systemd-sysbox', 'envbox', 'rootless-podman', 'privileged-sidecar-kubernetes'];
      if (kubernetesMethods.every((m) => methods.includes(`\`${m}\``))) {
        // Every Kubernetes method: the rule is about the provider, not about one of them.
        assert.ok(meta.tags.includes('kubernetes'), `${meta.id}: its page names every Kubernetes method, its tags lack "kubernetes"`);
        continue;
      }
      for (const [method, tags] of Object.entries(methodTags)) {
        if (!methods.includes(`\`${method}\``)) continue;
        assert.ok(tags.some((t) => meta.tags.includes(t)), `${meta.id}: its page names the method ${method}, its tags have none of ${tags.join(', ')}`);
      }
    }
  });

  it('no stray rule files, tests or docs pages', () => {
    const ids = new Set(CATALOGUE.map(([id]) => id));
    const helpers = new Set(['index', 'types', 'engine', 'edits', 'suppression', 'applyFixes', 'messages']);
    for (const f of readdirSync(path.join(root, 'server', 'src', 'rules'), { withFileTypes: true })) {
      // Folders hold helpers (util/: shared readers; fixes/: fixes several rules share), not rules.
      if (f.isDirectory()) continue;
      const id = f.name.replace(/\.ts$/, '');
      if (!helpers.has(id)) assert.ok(ids.has(id), `server/src/rules/${f.name} is not in the catalogue`);
    }
    for (const f of readdirSync(path.join(root, 'docs', 'rules'))) assert.ok(ids.has(f.replace(/\.md$/, '')), `docs/rules/${f}`);
    for (const f of readdirSync(path.join(root, 'test', 'rules'))) assert.ok(ids.has(f.replace(/\.test\.ts$/, '')), `test/rules/${f}`);
  });
});

describe("the README's rule table", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of readme.split('\n')) {
    const m = /^\| \[`([a-z0-9-]+)`\]\(docs\/rules\/\1\.md\) \|/.exec(line);
    if (!m) continue;
    assert.ok(!rows.has(m[1]), `${m[1]} has one row`);
    rows.set(m[1], line.split(' | ').map((cell) => cell.trim()));
  }

  it('has one row per rule, and no other', () => {
    assert.deepEqual([...rows.keys()].sort(), RULE_METAS.map((m) => m.id).sort());
  });

  for (const meta of RULE_METAS) {
    it(`${meta.id}: severity, fixes and description as the rule declares them`, () => {
      const row = rows.get(meta.id);
      assert.ok(row, 'a row');
      const [, severity, fixes, description] = row;
      assert.equal(severity, meta.defaultSeverity);
      const offered = [meta.fixable ? 'fix' : '', meta.hasSuggestions ? 'suggestion' : ''].filter(Boolean).join(' + ') || '—';
      assert.equal(fixes, offered);
      assert.equal(description, meta.description);
    });
  }
});
