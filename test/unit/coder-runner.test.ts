// Runs the fake `coder` (test/fixtures/fake-coder/coder) as a real child process through the runner.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REDACTED } from '../../shared/src/redact';
import { FolderLocks, formatCommandLine, runCoder } from '../../client/src/coder/runner';
import { detectCli, publishTemplate, VersionCache, type PublishRequest } from '../../client/src/coder/publisher';
import { waitUntilGone } from '../helpers/processes';

const FAKE = path.resolve(__dirname, '../fixtures/fake-coder/coder');
const TOKEN = 'aBcDeFgHiJ-0123456789abcdefghijkl';

let work: string;
let template: string;
let record: string;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: work, FAKE_CODER_RECORD: record, ...extra };
}

function recorded(): string[][] {
  try {
    return readFileSync(record, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
  } catch {
    return [];
  }
}

function request(extra: Partial<PublishRequest> = {}, envExtra: Record<string, string> = {}): PublishRequest {
  return {
    cli: { path: FAKE },
    publishCommand: 'push',
    templateName: 'docker-sysbox',
    directory: template,
    env: env(envExtra),
    ...extra,
  };
}

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'fake coder '));
  template = path.join(work, `it's a "template" dir`);
  mkdirSync(template);
  writeFileSync(path.join(template, 'main.tf'), 'terraform {}\n');
  record = path.join(work, 'record.jsonl');
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('publishTemplate against the fake CLI', () => {
  it('push: records the exact argument array and succeeds', async () => {
    writeFileSync(record, '');
    const lines: string[] = [];
    const outcome = await publishTemplate(
      request({
        variables: [{ name: 'namespace', value: 'team "a" b' }],
        message: `it's "fixed"`,
        organization: 'coder',
        onLine: (l) => lines.push(l),
      }),
    );
    assert.equal(outcome.ok, true, JSON.stringify(outcome.ok ? '' : outcome.failure));
    assert.deepEqual(recorded(), [
      ['templates', 'push', 'docker-sysbox', '-d', template, '-y', '--variable', 'namespace=team "a" b', '-m', `it's "fixed"`, '-O', 'coder'],
    ]);
    assert.equal(outcome.run.exitCode, 0);
    assert.deepEqual(outcome.ok && outcome.success, { created: true, updated: true });
    assert.ok(lines.some((l) => /^Updated version at \w{3} [ \d]\d \d\d:\d\d:\d\d!$/.test(l)));
    assert.ok(lines.some((l) => l.includes('No .terraform.lock.hcl file found')));
  });

  it('create on an old CLI (auto): records templates create and shows the deprecation lines', async () => {
    writeFileSync(record, '');
    const versions = new VersionCache();
    const { cli } = await detectCli(FAKE, env({ FAKE_CODER_VERSION: 'v2.6.1+abc' }), versions);
    assert.equal(cli?.version?.raw, 'v2.6.1+abc');
    const outcome = await publishTemplate(request({ cli: cli!, publishCommand: 'auto' }, { FAKE_CODER_VERSION: 'v2.6.1+abc' }));
    assert.equal(outcome.verb, 'create');
    assert.deepEqual(recorded(), [['version'], ['templates', 'create', 'docker-sysbox', '-d', template, '-y']]);
    assert.equal(outcome.ok, true);
    assert.ok(outcome.run.lines.includes('DEPRECATION WARNING: This command will be removed in a future release.'));
  });

  it('auto on a current CLI pushes; the version is read once per path', async () => {
    writeFileSync(record, '');
    const versions = new VersionCache();
    const first = await detectCli(FAKE, env(), versions);
    await detectCli(FAKE, env(), versions);
    assert.equal(first.cli?.version?.raw, 'v2.18.5+abc1234');
    assert.deepEqual(recorded(), [['version']]);
    const outcome = await publishTemplate(request({ cli: first.cli!, publishCommand: 'auto' }));
    assert.equal(outcome.verb, 'push');
  });

  it('not logged in: exit 1 and the not-logged-in failure', async () => {
    const outcome = await publishTemplate(request({}, { FAKE_CODER_SCENARIO: 'not-logged-in' }));
    assert.equal(outcome.run.exitCode, 1);
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.failure.kind, 'not-logged-in');
  });

  it('several organisations: lists them; re-running with -O succeeds', async () => {
    const first = await publishTemplate(request({}, { FAKE_CODER_SCENARIO: 'orgs', FAKE_CODER_ORGS: 'coder,data-science' }));
    assert.equal(!first.ok && first.failure.kind, 'select-organization');
    assert.deepEqual(!first.ok && first.failure.organizations, ['coder', 'data-science']);
    const second = await publishTemplate(request({ organization: 'data-science' }, { FAKE_CODER_SCENARIO: 'orgs' }));
    assert.equal(second.ok, true);
  });

  it('provisioner job failure: Terraform error with file and line', async () => {
    const outcome = await publishTemplate(request({}, { FAKE_CODER_SCENARIO: 'job-failed', FAKE_CODER_TF_LINE: '7' }));
    assert.equal(outcome.run.exitCode, 1);
    assert.equal(!outcome.ok && outcome.failure.kind, 'provisioner-failed');
    const tf = !outcome.ok ? outcome.failure.terraformErrors?.[0] : undefined;
    assert.deepEqual([tf?.file, tf?.line, tf?.summary], ['main.tf', 7, 'Unsupported argument']);
  });

  it('a name of 32 characters: the CLI rejects it', async () => {
    const outcome = await publishTemplate(request({ templateName: 'a'.repeat(32) }));
    assert.equal(!outcome.ok && outcome.failure.kind, 'invalid-template-name');
  });

  it('redacts the session token and token-shaped strings from every line', async () => {
    const secret = 'plain-session-secret-value';
    const lines: string[] = [];
    const outcome = await publishTemplate(request({ onLine: (l) => lines.push(l) }, { FAKE_CODER_SCENARIO: 'token-in-output', CODER_SESSION_TOKEN: secret }));
    assert.equal(outcome.ok, true);
    const all = lines.join('\n');
    assert.equal(all.includes(secret), false);
    assert.equal(all.includes(TOKEN), false);
    assert.ok(all.includes(`Coder-Session-Token: ${REDACTED}`));
    assert.deepEqual(outcome.run.lines, lines);
  });

  it('hides short sensitive values in the command line too (the output redactor needs 6+ characters)', async () => {
    const outcome = await publishTemplate(request({ variables: [{ name: 'pin', value: '1234' }, { name: 'region', value: 'eu' }], sensitiveValues: ['1234'] }));
    assert.ok(outcome.commandLine.includes(`pin=${REDACTED}`));
    assert.ok(outcome.commandLine.includes('region=eu'));
  });

  it('hides sensitive variable values in the logged command line', async () => {
    const outcome = await publishTemplate(
      request({ variables: [{ name: 'api_key', value: 'hunter2-secret' }], sensitiveValues: ['hunter2-secret'] }),
    );
    assert.equal(outcome.commandLine.includes('hunter2-secret'), false);
    assert.ok(outcome.commandLine.includes(`api_key=${REDACTED}`));
    assert.ok(outcome.args.includes('api_key=hunter2-secret'), 'the real argument is unchanged');
  });

  it('cancellation kills the CLI and its process group', async () => {
    const pidFile = path.join(work, 'pids');
    const controller = new AbortController();
    const outcome = await publishTemplate(
      request(
        {
          signal: controller.signal,
          onLine: (l) => {
            if (l.includes('Still creating')) controller.abort();
          },
        },
        { FAKE_CODER_SCENARIO: 'slow', FAKE_CODER_CHILD_PID_FILE: pidFile },
      ),
    );
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.failure.kind, 'cancelled');
    assert.equal(outcome.run.signal, 'SIGINT');
    const [cliPid, grandchildPid] = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    assert.equal(cliPid, outcome.run.pid);
    assert.equal(await waitUntilGone(cliPid), true, 'the CLI is gone');
    assert.equal(await waitUntilGone(grandchildPid), true, 'the process it started is gone');
  });

  it('an executable that does not exist: cli-not-found', async () => {
    const outcome = await publishTemplate(request({ cli: { path: path.join(work, 'no such coder') } }));
    assert.equal(outcome.run.spawnErrorCode, 'ENOENT');
    assert.equal(!outcome.ok && outcome.failure.kind, 'cli-not-found');
  });

  it('detectCli: a setting that points nowhere is reported, not run', async () => {
    const { located, cli } = await detectCli(path.join(work, 'missing'), env(), new VersionCache());
    assert.equal(cli, undefined);
    assert.equal(!located.found && located.reason, 'setting-not-found');
  });
});

describe('runCoder', () => {
  it('an unknown flag: exit 1 with the CLI error format on stderr', async () => {
    const r = await runCoder(FAKE, ['templates', 'push', 'x', '--foo'], { env: env() });
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.stderr, [
      'Encountered an error running "coder templates push", see "coder templates push --help" for more information',
      'error: unknown flag: --foo',
    ]);
  });

  it('flags the real create command does not have are rejected (--name is push-only)', async () => {
    const r = await runCoder(FAKE, ['templates', 'create', 'x', '-d', template, '-y', '--name', 'v1'], { env: env() });
    assert.equal(r.exitCode, 1);
    assert.equal(r.stderr[1], 'error: unknown flag: --name');
  });

  it('without -y the CLI asks to upload and cancels on EOF (stdin is closed)', async () => {
    const r = await runCoder(FAKE, ['templates', 'push', 'x', '-d', template], { env: env() });
    assert.equal(r.exitCode, 1);
    assert.ok(r.stdout.some((l) => l.includes(`Upload "`)));
  });

  it('splits \\r\\n lines and strips nothing from ordinary text', async () => {
    const r = await runCoder(FAKE, ['version'], { env: env() });
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.stdout.slice(0, 3), ['Coder v2.18.5+abc1234 Mon Jan  6 17:00:00 UTC 2025', 'https://github.com/coder/coder/commit/abc1234', '']);
  });

  it('an already aborted signal does not start the process', async () => {
    writeFileSync(record, '');
    const controller = new AbortController();
    controller.abort();
    const r = await runCoder(FAKE, ['version'], { env: env(), signal: controller.signal });
    assert.equal(r.cancelled, true);
    assert.deepEqual(recorded(), []);
  });
});

describe('FolderLocks', () => {
  it('one holder per folder; release frees it; other folders are independent', () => {
    const locks = new FolderLocks();
    const release = locks.tryAcquire('/t/a');
    assert.ok(release);
    assert.equal(locks.tryAcquire('/t/a/'), undefined, 'trailing slash is the same folder');
    assert.ok(locks.tryAcquire('/t/b'));
    release();
    release();
    assert.equal(locks.isHeld('/t/a'), false);
    assert.ok(locks.tryAcquire('/t/a'));
  });
});

describe('formatCommandLine', () => {
  it('quotes for display only', () => {
    assert.equal(formatCommandLine('/usr/bin/coder', ['templates', 'push', "it's x", '-y']), `/usr/bin/coder templates push 'it'\\''s x' -y`);
  });
});
