import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { Workspace } from '../../server/src/service/workspace';

/**
 * The rules that read the bundled provider schemas and the registry index. Coder's official templates
 * push and build as they are, so each of these findings on them would be a false alarm.
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

const dir = path.join(__dirname, '..', 'fixtures', 'official-templates');

describe("the schema and module rules on Coder's official templates", () => {
  before(() => initParser());

  it('every rule of the list exists', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    assert.deepEqual([...SCHEMA_AND_MODULE_RULES].filter((id) => !ids.has(id)), []);
  });

  it('find nothing in any of the 20 templates', () => {
    const rules = RULES.filter((r) => SCHEMA_AND_MODULE_RULES.has(r.meta.id));
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.equal(folders.length, 20);
    const workspace = new Workspace();
    const found = folders.flatMap((folder) => {
      const module = workspace.moduleOf(path.join(dir, folder, '__any__.tf'));
      assert.ok(module.files.length > 0, `${folder} holds .tf files`);
      return lintModule(module, rules).map((f) => `${folder}/${path.basename(f.file.path)}:${f.range.start.line + 1} ${f.rule} ${f.message}`);
    });
    assert.deepEqual(found, []);
  });
});
