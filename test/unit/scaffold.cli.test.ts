import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runMethods, runNew } from '../../server/src/scaffold/cli';
import { METHODS } from '../../server/src/model/methodCatalog';
import { renderScaffold } from '../../server/src/scaffold/render';

const root = mkdtempSync(join(tmpdir(), 'coder-dind-scaffold-'));
after(() => rmSync(root, { recursive: true, force: true }));

function io(cwd = root) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd },
  };
}

function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, { bytes: readFileSync(join(dir, name), 'base64'), mtimeMs: statSync(join(dir, name)).mtimeMs }]),
  );
}

describe('coder-dind new', () => {
  it('writes the template and names the next step', async () => {
    const { io: cli, out } = io();
    const code = await runNew(['sysbox-kubernetes', 'k8s-sysbox', '--namespace', 'dev-ws', '--image=codercom/enterprise-base:ubuntu', '--cpu', '4'], cli);
    assert.equal(code, 0, out.stderr);
    const dir = join(root, 'k8s-sysbox');
    assert.deepEqual(readdirSync(dir).sort(), ['README.md', 'main.tf']);
    const expected = renderScaffold({
      method: 'sysbox-kubernetes',
      parameters: { name: 'k8s-sysbox', namespace: 'dev-ws', image: 'codercom/enterprise-base:ubuntu', cpu: '4' },
    });
    for (const file of expected.files) assert.equal(readFileSync(join(dir, file.path), 'utf8'), file.content);
    assert.match(out.stdout, /k8s-sysbox\/main\.tf/);
    assert.match(out.stdout, /coder templates push k8s-sysbox -d k8s-sysbox/);
  });

  it('takes the template name from --name, else from the folder when it is a valid name', async () => {
    const named = io();
    assert.equal(await runNew(['envbox', 'Some Folder', '--name', 'team-envbox'], named.io), 0, named.out.stderr);
    assert.match(readFileSync(join(root, 'Some Folder', 'main.tf'), 'utf8'), /^# team-envbox: /);
    assert.match(named.out.stdout, /coder templates push team-envbox -d "Some Folder"/);

    const fallback = io();
    assert.equal(await runNew(['envbox', 'Not A Name'], fallback.io), 0, fallback.out.stderr);
    assert.match(readFileSync(join(root, 'Not A Name', 'main.tf'), 'utf8'), /^# envbox: /);
  });

  it('refuses to write into a folder that has any of its files, and changes nothing there', async () => {
    const dir = join(root, 'existing');
    const first = io();
    assert.equal(await runNew(['rootless-podman', dir], first.io), 0, first.out.stderr);
    writeFileSync(join(dir, 'main.tf'), '# my edits\n');
    utimesSync(join(dir, 'main.tf'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const before = snapshot(dir);

    const again = io();
    assert.equal(await runNew(['envbox', dir, '--namespace', 'other'], again.io), 2);
    assert.match(again.out.stderr, /main\.tf/);
    assert.match(again.out.stderr, /README\.md/);
    assert.match(again.out.stderr, /--force/);
    assert.equal(again.out.stdout, '');
    assert.deepEqual(snapshot(dir), before);
  });

  it('refuses when only one of the files exists, and writes neither', async () => {
    const dir = join(root, 'half');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), 'my readme\n');
    const before = snapshot(dir);
    const { io: cli, out } = io();
    assert.equal(await runNew(['sysbox-docker', dir], cli), 2);
    assert.match(out.stderr, /README\.md/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('overwrites with --force and leaves no temporary files', async () => {
    const dir = join(root, 'forced');
    const first = io();
    assert.equal(await runNew(['privileged-sidecar-docker', dir], first.io), 0, first.out.stderr);
    writeFileSync(join(dir, 'main.tf'), '# stale\n');
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const forced = io();
    assert.equal(await runNew(['privileged-sidecar-docker', dir, '--force', '--dind-image', 'docker:28-dind'], forced.io), 0, forced.out.stderr);
    const main = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.match(main, /image\s+= "docker:28-dind"/);
    assert.match(forced.out.stdout, /overwritten/);
    assert.deepEqual(readdirSync(dir).sort(), ['README.md', 'main.tf', 'notes.txt']);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'mine\n');
  });

  it('rejects an unknown method and lists the methods', async () => {
    const { io: cli, out } = io();
    assert.equal(await runNew(['docker-socket', join(root, 'nope')], cli), 2);
    for (const method of METHODS) assert.ok(out.stderr.includes(method.id), method.id);
    assert.throws(() => statSync(join(root, 'nope')));
  });

  it('rejects bad parameters and options without creating anything', async () => {
    const long = io();
    assert.equal(await runNew(['envbox', join(root, 'bad1'), '--name', 'x'.repeat(32)], long.io), 2);
    assert.match(long.out.stderr, /--name: .*32/);
    const namespace = io();
    assert.equal(await runNew(['envbox', join(root, 'bad2'), '--namespace', 'Bad_NS'], namespace.io), 2);
    assert.match(namespace.out.stderr, /--namespace/);
    const stray = io();
    assert.equal(await runNew(['sysbox-docker', join(root, 'bad3'), '--namespace', 'dev'], stray.io), 2);
    assert.match(stray.out.stderr, /--namespace is not an option of sysbox-docker/);
    const missing = io();
    assert.equal(await runNew(['envbox'], missing.io), 2);
    for (const dir of ['bad1', 'bad2', 'bad3']) assert.throws(() => statSync(join(root, dir)), dir);
  });
});

describe('coder-dind methods', () => {
  it('lists exactly the seven methods as JSON', () => {
    const { io: cli, out } = io();
    assert.equal(runMethods(['--format', 'json'], cli), 0);
    const methods = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      methods.map((m) => m.id),
      ['sysbox-docker', 'sysbox-kubernetes', 'envbox', 'rootless-podman', 'privileged-sidecar-docker', 'privileged-sidecar-kubernetes', 'systemd-sysbox'],
    );
    for (const method of methods) {
      assert.equal(typeof method.title, 'string');
      assert.ok(method.platform === 'docker' || method.platform === 'kubernetes');
      assert.ok(Array.isArray(method.requirements) && method.requirements.length > 0);
      assert.ok(Array.isArray(method.limitations) && method.limitations.length > 0);
      assert.match(String(method.docsUrl), /^https:\/\/coder\.com\/docs\/admin\/templates\/extending-templates\/docker-in-workspaces#[a-z-]+$/);
    }
  });

  it('prints a readable table by default', () => {
    const { io: cli, out } = io();
    assert.equal(runMethods([], cli), 0);
    for (const method of METHODS) assert.match(out.stdout, new RegExp(`^${method.id}\\s+${method.platform}\\s+`, 'm'));
  });

  it('rejects an unknown format', () => {
    const { io: cli, out } = io();
    assert.equal(runMethods(['--format', 'xml'], cli), 2);
    assert.match(out.stderr, /table or json/);
  });
});
