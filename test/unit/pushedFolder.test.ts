import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { archiveSize, archiveTooBig, notUploaded, skipReason, TEMPLATE_ARCHIVE_LIMIT, variablesSetInSkippedFiles } from '../../server/src/model/pushedFolder';
import { readPushedFolder } from '../../server/src/service/folderReader';
import { nodeFileSystem } from '../../server/src/service/fileSystem';

describe('the folder as coder templates push archives it', () => {
  let dir: string;
  before(async () => {
    await initParser();
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'coder-dind-pushed-')), 'my_template');
    mkdirSync(path.join(dir, '.terraform', 'providers'), { recursive: true });
    mkdirSync(path.join(dir, 'scripts'));
    mkdirSync(path.join(dir, '.modules', 'base'), { recursive: true });
    writeFileSync(path.join(dir, 'main.tf'), 'data "coder_workspace" "me" {}\n');
    writeFileSync(path.join(dir, '.terraform.lock.hcl'), '# lock\n');
    writeFileSync(path.join(dir, '.terraform', 'providers', 'big'), Buffer.alloc(3 * 1024 * 1024));
    writeFileSync(path.join(dir, 'scripts', 'setup.sh'), 'echo hi\n');
    writeFileSync(path.join(dir, 'terraform.tfvars'), 'namespace = "coder"\nreplicas  = 2\n# note = "x"\n');
    writeFileSync(path.join(dir, 'prod.auto.tfvars.json'), '{"image": "ubuntu", "tags": {"a": "b"}}');
    writeFileSync(path.join(dir, 'terraform.tfstate'), '{}');
    symlinkSync('/etc/hostname', path.join(dir, 'link'));
  });
  after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('skips what the CLI skips', () => {
    assert.equal(skipReason('.terraform'), 'hidden');
    assert.equal(skipReason('scripts/.env'), 'hidden');
    assert.equal(skipReason('.terraform.lock.hcl'), undefined);
    assert.equal(skipReason('modules/x/.terraform.lock.hcl'), undefined);
    assert.equal(skipReason('terraform.tfstate.backup'), 'state');
    assert.equal(skipReason('terraform.tfvars'), 'variables');
    assert.equal(skipReason('sub/terraform.tfvars'), undefined, 'only the top-level terraform.tfvars');
    assert.equal(skipReason('sub/x.auto.tfvars'), 'variables');
  });

  it('paths a template reads that are not uploaded', () => {
    assert.deepEqual(notUploaded('./.modules/base'), { reason: 'hidden', part: '.modules' });
    assert.deepEqual(notUploaded('../shared/module'), { reason: 'outside' });
    assert.deepEqual(notUploaded('./modules/../.hidden/x'), { reason: 'hidden', part: '.hidden' });
    assert.equal(notUploaded('./modules/base'), undefined);
    assert.equal(notUploaded('./modules/../base'), undefined);
  });

  it('walks in lexical order, does not enter skipped folders, does not follow links, reads the variable files', () => {
    const folder = readPushedFolder(dir, nodeFileSystem);
    assert.ok(folder);
    assert.equal(folder.name, 'my_template');
    assert.equal(folder.complete, true);
    assert.deepEqual(folder.entries.map((e) => `${e.path}:${e.kind}`), [
      '.modules:dir',
      '.terraform:dir',
      '.terraform.lock.hcl:file',
      'link:symlink',
      'main.tf:file',
      'prod.auto.tfvars.json:file',
      'scripts:dir',
      'scripts/setup.sh:file',
      'terraform.tfstate:file',
      'terraform.tfvars:file',
    ]);
    // Headers for .terraform.lock.hcl, link, main.tf, scripts, scripts/setup.sh; three one-block files; the end.
    assert.equal(archiveSize(folder.entries), 5 * 512 + 3 * 512 + 1024);
    assert.equal(archiveTooBig(folder), false);
    assert.deepEqual(Object.fromEntries(variablesSetInSkippedFiles(folder)), {
      namespace: ['terraform.tfvars'],
      replicas: ['terraform.tfvars'],
      image: ['prod.auto.tfvars.json'],
      tags: ['prod.auto.tfvars.json'],
    });
  });

  it('an archive of the limit or more is too big; the walk stops early once it is certain', () => {
    writeFileSync(path.join(dir, 'scripts', 'blob.bin'), Buffer.alloc(TEMPLATE_ARCHIVE_LIMIT));
    writeFileSync(path.join(dir, 'scripts', 'zz.bin'), Buffer.alloc(10));
    const folder = readPushedFolder(dir, nodeFileSystem);
    assert.ok(folder && archiveTooBig(folder));
    assert.equal(folder.complete, false, 'the walk stopped after the large file');
    rmSync(path.join(dir, 'scripts', 'blob.bin'));
  });

  it('a file system that cannot tell links apart gives no folder (the rules then stay silent)', () => {
    const { lstat: _ignored, ...withoutLstat } = nodeFileSystem;
    assert.equal(readPushedFolder(dir, withoutLstat), undefined);
    assert.equal(readPushedFolder(path.join(dir, 'missing'), nodeFileSystem), undefined);
  });
});
