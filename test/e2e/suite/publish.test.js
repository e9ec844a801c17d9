// "Coder: Create Template" / "Coder: Push Template" against the fake coder CLI
// (test/fixtures/fake-coder/coder). The commands run in scripted mode (`skipPrompts`), so no prompt
// needs answering; what they return is what the user was shown: the notification text and buttons,
// the "Coder" output lines, the progress messages and the diagnostics.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const FAKE = path.join(__dirname, '..', '..', 'fixtures', 'fake-coder', 'coder');
const TOKEN = 'aBcDeFgHiJ-0123456789abcdefghijkl';
const CREATE = 'coderDind.createTemplate';
const PUSH = 'coderDind.pushTemplate';

let recordDir;
let savedEnv;

function recorded(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Sets FAKE_CODER_* for the extension host (the extension passes its environment to the CLI). */
function fakeEnv(vars) {
  const record = path.join(recordDir, `record-${Date.now()}-${Math.random().toString(16).slice(2)}.jsonl`);
  Object.assign(process.env, { FAKE_CODER_RECORD: record, ...vars });
  return record;
}

async function setCoder(key, value) {
  await vscode.workspace.getConfiguration('coderDind.coder').update(key, value, vscode.ConfigurationTarget.Global);
}

function run(command, folder, preset) {
  return vscode.commands.executeCommand(command, vscode.Uri.file(folder), {
    skipPrompts: true,
    publishDespiteLintErrors: true,
    ...preset,
  });
}

describe('publishing to Coder with the fake coder CLI', function () {
  before(async () => {
    const folder = h.copyFixture('publish-template');
    await h.openFile(path.join(folder, 'main.tf'));
    await h.waitForActivation();
    recordDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coder-publish-e2e-'));
    savedEnv = { ...process.env };
    await setCoder('path', FAKE);
    await setCoder('publishCommand', 'auto');
    await setCoder('organization', '');
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });

  after(async () => {
    await setCoder('path', undefined);
    await setCoder('publishCommand', undefined);
    await setCoder('organization', undefined);
    fs.rmSync(recordDir, { recursive: true, force: true });
  });

  it('runs in a trusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the harness opens a trusted workspace');
  });

  it('Push Template: exact argument array, progress, output, success notification with Open in Coder', async () => {
    const folder = h.copyFixture('publish-template');
    const record = fakeEnv({ FAKE_CODER_SCENARIO: 'ok', CODER_URL: 'https://coder.example.com' });
    const result = await run(PUSH, folder, {
      templateName: 'docker-sysbox',
      variables: { docker_host: 'unix:///var/run/docker.sock' },
      message: `first "version" it's`,
    });
    // `coder version` runs once per session and path, so it may have run in an earlier test.
    assert.deepEqual(recorded(record).filter((a) => a[0] !== 'version'), [
      ['templates', 'push', 'docker-sysbox', '-d', folder, '-y', '--variable', 'docker_host=unix:///var/run/docker.sock', '-m', `first "version" it's`],
    ]);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.verb, 'push');
    assert.equal(result.message, 'Template "docker-sysbox" was created in Coder.');
    assert.deepEqual(result.actions, ['Open in Coder', 'Show output']);
    assert.equal(result.templateUrl, 'https://coder.example.com/templates/docker-sysbox');
    assert.ok(result.progress.includes('Detecting persistent resources'), JSON.stringify(result.progress));
    assert.match(result.output[0], /^\$ .*coder templates push docker-sysbox -d /);
    assert.ok(result.output.some((l) => /^Updated version at /.test(l)));
  });

  it('Create Template on a CLI older than v2.7.0 runs templates create', async () => {
    const folder = h.copyFixture('publish-template');
    // A new path value clears the cached version, so the fake is asked again.
    const copy = path.join(recordDir, 'old-coder');
    fs.copyFileSync(FAKE, copy);
    fs.chmodSync(copy, 0o755);
    await setCoder('path', copy);
    const record = fakeEnv({ FAKE_CODER_VERSION: 'v2.6.1+0ab3a4b' });
    try {
      const result = await run(CREATE, folder, { templateName: 'envbox' });
      assert.deepEqual(recorded(record), [['version'], ['templates', 'create', 'envbox', '-d', folder, '-y']]);
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.ok(result.output.includes('DEPRECATION WARNING: This command will be removed in a future release.'));
    } finally {
      await setCoder('path', FAKE);
    }
  });

  it('publishCommand = create forces templates create, with -O from the organization setting', async () => {
    const folder = h.copyFixture('publish-template');
    await setCoder('publishCommand', 'create');
    await setCoder('organization', 'data-science');
    const record = fakeEnv({});
    try {
      const result = await run(PUSH, folder, { templateName: 'podman-rootless' });
      assert.deepEqual(recorded(record).filter((a) => a[0] === 'templates'), [
        ['templates', 'create', 'podman-rootless', '-d', folder, '-y', '-O', 'data-science'],
      ]);
      assert.equal(result.ok, true, JSON.stringify(result));
    } finally {
      await setCoder('publishCommand', 'auto');
      await setCoder('organization', '');
    }
  });

  it('never shows the session token in the Coder output', async () => {
    const folder = h.copyFixture('publish-template');
    const secret = 'plain-session-secret-value';
    fakeEnv({ FAKE_CODER_SCENARIO: 'token-in-output', CODER_SESSION_TOKEN: secret });
    const result = await run(PUSH, folder, { templateName: 'redaction' });
    assert.equal(result.ok, true, JSON.stringify(result));
    const text = result.output.join('\n');
    assert.equal(text.includes(secret), false);
    assert.equal(text.includes(TOKEN), false);
    assert.match(text, /Coder-Session-Token: <redacted>/);
  });

  it('not logged in: says so and offers Log in…', async () => {
    const folder = h.copyFixture('publish-template');
    fakeEnv({ FAKE_CODER_SCENARIO: 'not-logged-in' });
    const result = await run(PUSH, folder, { templateName: 'login' });
    assert.equal(result.ok, false);
    assert.equal(result.failure, 'not-logged-in');
    assert.equal(result.message, 'The coder CLI is not logged in to a Coder deployment. Log in, then publish again.');
    assert.deepEqual(result.actions, ['Log in…', 'Show output']);
  });

  it('several organisations: the chosen one is passed with -O on the re-run', async () => {
    const folder = h.copyFixture('publish-template');
    const record = fakeEnv({ FAKE_CODER_SCENARIO: 'orgs', FAKE_CODER_ORGS: 'coder,data-science' });
    const result = await run(PUSH, folder, { templateName: 'orgs', organizationChoice: 'data-science' });
    assert.deepEqual(result.organizationsOffered, ['coder', 'data-science']);
    assert.deepEqual(recorded(record).filter((a) => a[0] === 'templates'), [
      ['templates', 'push', 'orgs', '-d', folder, '-y'],
      ['templates', 'push', 'orgs', '-d', folder, '-y', '-O', 'data-science'],
    ]);
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('provisioner failure: shows the Terraform error and puts a diagnostic on its line', async () => {
    const folder = h.copyFixture('publish-template');
    fakeEnv({ FAKE_CODER_SCENARIO: 'job-failed', FAKE_CODER_TF_FILE: 'main.tf', FAKE_CODER_TF_LINE: '20' });
    const result = await run(PUSH, folder, { templateName: 'broken' });
    assert.equal(result.failure, 'provisioner-failed');
    assert.equal(result.message, 'Coder could not import the template: Unsupported argument (main.tf:20). Fix the template and publish again.');
    assert.deepEqual(result.actions, ['Show problem', 'Show output']);
    const uri = vscode.Uri.file(path.join(folder, 'main.tf'));
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'coder-publish');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 19);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message, /^Unsupported argument: An argument named "privileged_mode" is not expected here\.$/);
  });

  it('CLI not found: offers Set path… and Install docs', async () => {
    const folder = h.copyFixture('publish-template');
    await setCoder('path', path.join(recordDir, 'no-such-coder'));
    try {
      const result = await run(PUSH, folder, { templateName: 'missing' });
      assert.equal(result.failure, 'cli-not-found');
      assert.match(result.message, /^The coder CLI was not found\. Install it, or set "coderDind\.coder\.path"/);
      assert.deepEqual(result.actions, ['Set path…', 'Install docs']);
    } finally {
      await setCoder('path', FAKE);
    }
  });

  it('one publish at a time per folder', async () => {
    const folder = h.copyFixture('publish-template');
    const record = fakeEnv({ FAKE_CODER_SCENARIO: 'slow', FAKE_CODER_SLOW_SECONDS: '3' });
    const first = run(PUSH, folder, { templateName: 'slow' });
    // Wait (for an event, not a duration) until the first run's CLI has started: it holds the lock then.
    while (!recorded(record).some((a) => a[0] === 'templates')) await new Promise((r) => setTimeout(r, 50));
    const second = await run(PUSH, folder, { templateName: 'slow' });
    assert.equal(second.failure, 'busy');
    const done = await first;
    assert.equal(done.ok, true, JSON.stringify(done));
  });

  it('a folder coder templates push would refuse: stopped before coder runs, the findings in the Problems panel', async () => {
    const folder = h.copyFixture('push-blocked');
    const main = vscode.Uri.file(path.join(folder, 'main.tf'));
    const extra = vscode.Uri.file(path.join(folder, 'extra.tf'));
    await h.openFile(main.fsPath);
    await h.waitForDiagnostics(main, h.hasRule('file-not-uploaded'));
    // extra.tf is closed, but in the open template's folder: the language server shows its findings too.
    await h.waitForDiagnostics(extra, h.hasRule('file-not-uploaded'));
    const record = fakeEnv({ FAKE_CODER_SCENARIO: 'ok' });
    // publishDespiteLintErrors is set (see run()): even so, nothing is pushed.
    const result = await run(PUSH, folder, { templateName: 'blocked' });
    assert.equal(result.ok, false);
    assert.equal(result.failure, 'push-blocked');
    assert.equal(
      result.message,
      'coder templates push would fail on this folder, so it was not run: 2 problems (first: extra.tf:2, file-not-uploaded). Fix them, then publish again.',
    );
    assert.deepEqual(result.actions, ['Show problem', 'Show output']);
    assert.deepEqual(recorded(record), [], 'the fake coder CLI was called');
    assert.deepEqual(result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}`), ['extra.tf:2', 'main.tf:19']);
    // The language server shows both findings (main.tf open, extra.tf a closed file of its folder), so the
    // command adds none of its own: each is shown once, not twice.
    const ours = (uri) => h.ourDiagnostics(uri).filter((d) => h.ruleId(d) === 'file-not-uploaded');
    assert.deepEqual(ours(main).map((d) => [d.range.start.line, d.severity]), [[18, vscode.DiagnosticSeverity.Error]]);
    assert.deepEqual(ours(extra).map((d) => [d.range.start.line, d.range.start.character, d.severity]), [[1, 11, vscode.DiagnosticSeverity.Error]]);
    assert.match(ours(extra)[0].message, /outside the template folder/);
    for (const uri of [main, extra]) assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'coder-publish'), [], 'shown once, not twice');
  });

  it('a blocking finding in a file the language server does not show is put on the Problems panel by the command', async () => {
    // A folder with no open document: the server publishes nothing for it, so the command places its findings.
    const folder = h.copyFixture('push-blocked');
    const extra = vscode.Uri.file(path.join(folder, 'extra.tf'));
    fakeEnv({ FAKE_CODER_SCENARIO: 'ok' });
    const result = await run(PUSH, folder, { templateName: 'blocked' });
    assert.equal(result.failure, 'push-blocked');
    const placed = vscode.languages.getDiagnostics(extra).filter((d) => d.source === 'coder-publish');
    assert.deepEqual(placed.map((d) => [h.ruleId(d), d.range.start.line, d.range.start.character, d.severity]), [['file-not-uploaded', 1, 11, vscode.DiagnosticSeverity.Error]]);
    assert.match(placed[0].message, /outside the template folder/);
  });

  it('publishing leaves the template folder unchanged', async () => {
    const folder = h.copyFixture('publish-template');
    const before = snapshot(folder);
    fakeEnv({});
    const result = await run(PUSH, folder, { templateName: 'untouched' });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(snapshot(folder), before);
  });
});

function snapshot(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .sort()
    .map((name) => {
      const full = path.join(dir, String(name));
      return fs.statSync(full).isFile() ? `${name}:${fs.readFileSync(full, 'utf8')}` : `${name}/`;
    });
}
