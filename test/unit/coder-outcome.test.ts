import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, cliErrorText, parseTerraformErrors, readSuccess, stripAnsi } from '../../client/src/coder/outcome';
import { coderConfigDir, deploymentUrl, templatePageUrl } from '../../client/src/coder/deployment';

const cmdError = (cmd: string, msg: string) => [
  `Encountered an error running "coder ${cmd}", see "coder ${cmd} --help" for more information`,
  `error: ${msg}`,
];

describe('classifyFailure', () => {
  it('ENOENT and EACCES: CLI not found', () => {
    assert.equal(classifyFailure([], 'ENOENT').kind, 'cli-not-found');
    assert.equal(classifyFailure([], 'EACCES').kind, 'cli-not-found');
  });

  it('not logged in, with either binary spelling', () => {
    const a = classifyFailure(cmdError('templates push', "You are not logged in. Try logging in using 'coder login <url>'."));
    const b = classifyFailure(cmdError('templates push', "You are not logged in. Try logging in using '/usr/local/bin/coder login <url>'."));
    assert.equal(a.kind, 'not-logged-in');
    assert.equal(b.kind, 'not-logged-in');
    assert.match(a.cliError ?? '', /^You are not logged in/);
  });

  it('several organisations: lists them', () => {
    const f = classifyFailure(cmdError('templates push', 'Must select an organization with --org=<org_name>. Choose from: coder, data-science, acme'));
    assert.equal(f.kind, 'select-organization');
    assert.deepEqual(f.organizations, ['coder', 'data-science', 'acme']);
  });

  it('unknown organisation: lists the valid ones', () => {
    const f = classifyFailure(
      cmdError('templates push', `organization "nope" not found, are you sure you are a member of this organization? Valid options for '--org=' are [coder, acme].`),
    );
    assert.equal(f.kind, 'unknown-organization');
    assert.deepEqual(f.organizations, ['coder', 'acme']);
  });

  it('template name too long', () => {
    assert.equal(classifyFailure(cmdError('templates push', 'Template name must be less than 32 characters')).kind, 'invalid-template-name');
  });

  it('create on an existing template', () => {
    assert.equal(classifyFailure(cmdError('templates create', 'A template already exists named "docker"!')).kind, 'template-exists');
  });

  it('unknown flag', () => {
    const f = classifyFailure(cmdError('templates push', 'unknown flag: --message'));
    assert.equal(f.kind, 'unknown-flag');
    assert.match(f.message, /--message/);
  });

  it('provisioner failure with a Terraform error', () => {
    const lines = [
      '==> ⧗ Detecting persistent resources',
      '  Terraform 1.9.8',
      '  Error: Unsupported argument',
      '  on main.tf line 12, in resource "docker_container" "workspace":',
      '    12:   privileged_mode = true',
      '  ',
      '  An argument named "privileged_mode" is not expected here.',
      '=== ✘ Detecting persistent resources [1204ms]',
      ...cmdError('templates push', 'template import provision for start: terraform plan: exit status 1'),
    ];
    const f = classifyFailure(lines);
    assert.equal(f.kind, 'provisioner-failed');
    assert.deepEqual(f.terraformErrors, [
      {
        summary: 'Unsupported argument',
        file: 'main.tf',
        line: 12,
        context: 'resource "docker_container" "workspace"',
        detail: 'An argument named "privileged_mode" is not expected here.',
      },
    ]);
    assert.match(f.message, /Unsupported argument \(main\.tf:12\)/);
  });

  it('provisioner failure without a diagnostic: job failed', () => {
    assert.equal(classifyFailure(cmdError('templates push', 'job failed: canceled')).kind, 'provisioner-failed');
  });

  it('anything else: other, with the CLI error text', () => {
    const f = classifyFailure(cmdError('templates push', 'upload: Post "https://x": dial tcp: connection refused'));
    assert.equal(f.kind, 'other');
    assert.match(f.message, /connection refused/);
  });
});

describe('parseTerraformErrors', () => {
  it('reads several diagnostics, with and without a location, and boxed (│) output', () => {
    const errors = parseTerraformErrors([
      '│ Error: Reference to undeclared input variable',
      '│ ',
      '│   on k8s.tf line 40, in resource "kubernetes_pod" "main":',
      '│   40:   namespace = var.namespace',
      '│ ',
      '│ An input variable with the name "namespace" has not been declared.',
      '╵',
      'Error: Failed to query available provider packages',
      '',
      'Could not retrieve the list of available versions for provider coder/coder.',
    ]);
    assert.equal(errors.length, 2);
    assert.deepEqual(
      errors.map((e) => [e.summary, e.file, e.line, e.detail]),
      [
        ['Reference to undeclared input variable', 'k8s.tf', 40, 'An input variable with the name "namespace" has not been declared.'],
        ['Failed to query available provider packages', undefined, undefined, 'Could not retrieve the list of available versions for provider coder/coder.'],
      ],
    );
  });

  it('does not treat the CLI error line as a diagnostic', () => {
    assert.deepEqual(parseTerraformErrors(['error: job failed: failed']), []);
  });
});

describe('output helpers', () => {
  it('stripAnsi removes colours, cursor moves and hyperlinks', () => {
    assert.equal(stripAnsi('\u001b[1A\r\u001b[32m✔\u001b[0m Queued \u001b]8;;https://x\u0007link\u001b]8;;\u0007'), '\r✔ Queued link');
  });

  it('cliErrorText joins the lines after error:', () => {
    assert.equal(cliErrorText(['x', 'error: first', '  second', '']), 'first\nsecond');
    assert.equal(cliErrorText(['no error here']), undefined);
  });

  it('readSuccess: created and updated messages', () => {
    assert.deepEqual(
      readSuccess(['The docker template has been created at Nov 28 00:02:05! Developers can provision a workspace with this template using:', 'Updated version at Nov 28 00:02:05!']),
      { created: true, updated: true },
    );
    assert.deepEqual(readSuccess(['Updated version at Nov 28 00:02:05!']), { created: false, updated: true });
  });
});

describe('deployment URL', () => {
  const files: Record<string, string> = { '/home/u/.config/coderv2/url': 'https://coder.example.com/\n', '/cfg/url': 'http://localhost:3000' };
  const readFile = (f: string) => files[f];

  it('reads the url file from the default config dir, CODER_CONFIG_DIR, or CODER_URL', () => {
    assert.equal(deploymentUrl({ env: {}, platform: 'linux', homeDir: '/home/u', readFile }), 'https://coder.example.com');
    assert.equal(deploymentUrl({ env: { CODER_CONFIG_DIR: '/cfg' }, platform: 'linux', homeDir: '/home/u', readFile }), 'http://localhost:3000');
    assert.equal(deploymentUrl({ env: { CODER_URL: 'https://other.example/' }, platform: 'linux', homeDir: '/home/u', readFile }), 'https://other.example');
    assert.equal(deploymentUrl({ env: {}, platform: 'linux', homeDir: '/nobody', readFile }), undefined);
  });

  it('refuses non-http URLs and drops credentials', () => {
    assert.equal(deploymentUrl({ env: { CODER_URL: 'file:///etc/passwd' }, platform: 'linux', homeDir: '/', readFile }), undefined);
    assert.equal(deploymentUrl({ env: { CODER_URL: 'https://u:p@c.example/' }, platform: 'linux', homeDir: '/', readFile }), 'https://c.example');
  });

  it('config dir per platform', () => {
    assert.equal(coderConfigDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/h'), '/x/coderv2');
    assert.equal(coderConfigDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Application Support/coderv2');
    assert.equal(coderConfigDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Roaming\\coderv2');
  });

  it('template page, with and without organisation', () => {
    assert.equal(templatePageUrl('https://c.example', 'docker'), 'https://c.example/templates/docker');
    assert.equal(templatePageUrl('https://c.example', 'docker', 'data science'), 'https://c.example/templates/data%20science/docker');
  });
});
