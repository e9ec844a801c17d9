import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { Workspace } from '../../server/src/service/workspace';
import { scaffoldCases } from '../helpers/scaffoldCases';

/** The rules that repeat what `coder templates push` rejects. */
const IMPORT_CHECKS = new Set([
  'agent-name-invalid',
  'app-slug-invalid',
  'archive-too-large',
  'duplicate-agent-name',
  'duplicate-app-slug',
  'duplicate-metadata-key',
  'duplicate-parameter-name',
  'duplicate-preset-name',
  'duplicate-resource-metadata',
  'file-not-uploaded',
  'multiple-default-presets',
  'parameter-duplicate-option',
  'parameter-ephemeral',
  'parameter-form-type',
  'parameter-invalid-default',
  'parameter-option-type',
  'parameter-validation',
  'prebuild-schedule',
  'preset-invalid-value',
  'preset-unknown-parameter',
  'script-cron',
  'script-never-runs',
  'template-name-invalid',
  'variable-without-value',
  'workspace-tags-not-static',
]);

/**
 * Variables Coder's own templates leave without a default on purpose (the pusher gives them):
 * variable-without-value's information, which is right on them.
 */
const VARIABLES_WITHOUT_DEFAULT = [
  'digitalocean-linux/main.tf:14 variable-without-value',
  'gcp-devcontainer/main.tf:27 variable-without-value',
  'gcp-linux/main.tf:14 variable-without-value',
  'gcp-vm-container/main.tf:14 variable-without-value',
  'gcp-windows/main.tf:14 variable-without-value',
  'kubernetes-envbox/main.tf:39 variable-without-value',
  'kubernetes-envbox/main.tf:56 variable-without-value',
  'kubernetes-envbox/main.tf:61 variable-without-value',
  'kubernetes-envbox/main.tf:66 variable-without-value',
  'kubernetes-envbox/main.tf:71 variable-without-value',
  'kubernetes/main.tf:29 variable-without-value',
];

const root = path.join(__dirname, '..', '..');
const rules = RULES.filter((r) => IMPORT_CHECKS.has(r.meta.id));

/**
 * The rules that read the bundled provider schemas and the registry index. Coder's official templates
 * push and build as they are, so any of their findings there would be a false alarm.
 */
const SCHEMA_AND_MODULE_RULES = new Set([
  'unknown-resource-type',
  'unknown-argument',
  'unknown-block',
  'missing-required-argument',
  'missing-required-block',
  'too-many-blocks',
  'read-only-argument',
  'invalid-value',
  'deprecated-argument',
  'unsupported-attribute',
  'undefined-reference',
  'module-missing-required-input',
  'module-unknown-input',
  'module-unpinned-version',
]);

/** The import-check findings of every module under `dir`, as `folder/file:line rule`, read from disk as the editor reads them. */
function findingsUnder(dir: string, folders: string[], checks = rules): string[] {
  const workspace = new Workspace();
  return folders.flatMap((folder) => {
    const module = workspace.moduleOf(path.join(dir, folder, '__any__.tf'));
    assert.ok(module.files.length > 0, `${folder} holds .tf files`);
    assert.ok(module.folder, `${folder} is read as the CLI would push it`);
    return lintModule(module, checks).map((f) => `${path.relative(dir, f.file.path)}:${f.range.start.line + 1} ${f.rule}`);
  });
}

describe('the import checks on templates known to push', () => {
  let scratch: string;
  before(async () => {
    await initParser();
    scratch = mkdtempSync(path.join(tmpdir(), 'coder-dind-silent-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('covers all of them', () => assert.equal(rules.length, IMPORT_CHECKS.size));

  it('examples/broken-template/import_checks shows each of them but archive-too-large (it would need a megabyte of data)', () => {
    const dir = path.join(root, 'examples', 'broken-template');
    const shown = new Set(findingsUnder(dir, ['import_checks']).map((f) => f.split(' ')[1]));
    assert.deepEqual([...IMPORT_CHECKS].filter((id) => !shown.has(id)), ['archive-too-large']);
  });

  it("Coder's official templates: nothing but the variables they leave to the pusher", () => {
    const dir = path.join(root, 'test', 'fixtures', 'official-templates');
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.equal(folders.length, 20);
    assert.deepEqual(findingsUnder(dir, folders).sort(), VARIABLES_WITHOUT_DEFAULT);
  });

  it("Coder's official templates: nothing from the schema and module rules either", () => {
    const schemaRules = RULES.filter((r) => SCHEMA_AND_MODULE_RULES.has(r.meta.id));
    assert.equal(schemaRules.length, SCHEMA_AND_MODULE_RULES.size, 'every rule of the list exists');
    const dir = path.join(root, 'test', 'fixtures', 'official-templates');
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(findingsUnder(dir, folders, schemaRules), []);
  });

  it('every scaffold, with default and custom parameters, in a folder named as the scaffold names the template', () => {
    const folders: string[] = [];
    for (const c of scaffoldCases()) {
      const folder = c.values.name;
      mkdirSync(path.join(scratch, folder), { recursive: true });
      for (const [file, text] of Object.entries(c.files)) writeFileSync(path.join(scratch, folder, file), text);
      folders.push(folder);
    }
    assert.deepEqual(findingsUnder(scratch, [...new Set(folders)]), []);
  });

  it('every example but the one that shows every rule', () => {
    const dir = path.join(root, 'examples');
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'broken-template')
      .map((e) => e.name);
    assert.equal(folders.length, 7);
    assert.deepEqual(findingsUnder(dir, folders), []);
  });
});
