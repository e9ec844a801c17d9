import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { METHOD_IDS } from '../../server/src/model/method';
import { ServerRequests, type TemplateStatus, type TemplateStatusParams } from '../../shared/src/protocol';
import { methodById } from '../../server/src/model/methodCatalog';
import { TestClient } from '../helpers/lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** The `coderDind/templateStatus` request the status item of the VS Code client asks. */
describe('coderDind/templateStatus', () => {
  let client: TestClient;
  let dir: string;
  const status = (file: string) =>
    client.connection.sendRequest<TemplateStatus>(ServerRequests.templateStatus, { uri: pathToFileURL(file).href } satisfies TemplateStatusParams);

  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-status-'));
    cpSync(EXAMPLES, dir, { recursive: true });
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the method of each example scaffold (their folders are named after the method ids)', async () => {
    const scaffolds = readdirSync(dir).filter((name) => (METHOD_IDS as readonly string[]).includes(name)).sort();
    assert.deepEqual(scaffolds, [...METHOD_IDS].sort(), 'examples/ has one scaffold per method');
    for (const id of scaffolds) {
      const file = path.join(dir, id, 'main.tf');
      await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
      const info = methodById(id)!;
      assert.deepEqual(await status(file), { isCoderTemplate: true, method: { id, title: info.title, docsUrl: info.docsUrl } }, id);
    }
  });

  it('answers for a folder the editor has not opened, from the files on disk', async () => {
    cpSync(path.join(EXAMPLES, 'rootless-podman'), path.join(dir, 'not-opened'), { recursive: true });
    assert.equal((await status(path.join(dir, 'not-opened', 'main.tf'))).method?.id, 'rootless-podman');
  });

  it('follows edits: a template whose workspace container loses its runtime has no method', async () => {
    const file = path.join(dir, 'sysbox-docker', 'main.tf');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const runtime = text.indexOf('runtime = "sysbox-runc"');
    assert.notEqual(runtime, -1, 'the sysbox-docker example sets runtime = "sysbox-runc"');
    const before = text.slice(0, runtime);
    const line = before.split('\n').length - 1;
    const character = runtime - before.lastIndexOf('\n') - 1;
    await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 'runtime = "sysbox-runc"'.length } }, text: '' }]);
    assert.deepEqual(await status(file), { isCoderTemplate: true, method: null });
  });

  it('tells a plain Terraform module from a Coder template', async () => {
    const plain = path.join(dir, 'plain');
    mkdirSync(plain);
    writeFileSync(path.join(plain, 'main.tf'), 'resource "docker_container" "web" {\n  image = "nginx"\n  runtime = "sysbox-runc"\n}\n');
    await client.open(pathToFileURL(path.join(plain, 'main.tf')).href, readFileSync(path.join(plain, 'main.tf'), 'utf8'));
    assert.deepEqual(await status(path.join(plain, 'main.tf')), { isCoderTemplate: false, method: null });
  });
});
