import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildPublishArgs,
  isTerraformIdentifier,
  suggestTemplateName,
  validateTemplateName,
  validateVersionName,
} from '../../client/src/coder/args';

describe('buildPublishArgs', () => {
  it('push: name, directory and -y', () => {
    assert.deepEqual(buildPublishArgs({ verb: 'push', templateName: 'docker-sysbox', directory: '/src/docker-sysbox' }), [
      'templates', 'push', 'docker-sysbox', '-d', '/src/docker-sysbox', '-y',
    ]);
  });

  it('create: same shape with the create verb', () => {
    assert.deepEqual(buildPublishArgs({ verb: 'create', templateName: 'envbox', directory: '/t/envbox' }), [
      'templates', 'create', 'envbox', '-d', '/t/envbox', '-y',
    ]);
  });

  it('passes paths and values with spaces and quotes unchanged, one array element each', () => {
    const args = buildPublishArgs({
      verb: 'push',
      templateName: 'my-template',
      directory: `/home/a b/it's "quoted"/tmpl`,
      variables: [
        { name: 'namespace', value: 'team a' },
        { name: 'motd', value: `say "hi" it's = fine` },
      ],
      variablesFile: '/home/a b/vars file.yaml',
      message: `Fix "privileged" flag; don't $(rm -rf)`,
      organization: 'data science',
    });
    assert.deepEqual(args, [
      'templates', 'push', 'my-template',
      '-d', `/home/a b/it's "quoted"/tmpl`,
      '-y',
      '--variable', 'namespace=team a',
      '--variable', `motd=say "hi" it's = fine`,
      '--variables-file', '/home/a b/vars file.yaml',
      '-m', `Fix "privileged" flag; don't $(rm -rf)`,
      '-O', 'data science',
    ]);
  });

  it('adds --name for push only (create has no such flag)', () => {
    assert.deepEqual(buildPublishArgs({ verb: 'push', templateName: 't', directory: '/t', versionName: 'v1.2' }).slice(-2), ['--name', 'v1.2']);
    assert.equal(buildPublishArgs({ verb: 'create', templateName: 't', directory: '/t', versionName: 'v1.2' }).includes('--name'), false);
  });

  it('omits empty optional flags', () => {
    assert.deepEqual(buildPublishArgs({ verb: 'push', templateName: 't', directory: '/t', message: '', organization: '', variables: [] }), [
      'templates', 'push', 't', '-d', '/t', '-y',
    ]);
  });
});

describe('validateTemplateName', () => {
  it('accepts letters, digits and single inner hyphens up to 31 characters', () => {
    for (const ok of ['docker', 'Docker-Sysbox-2', 'a', 'a'.repeat(31), 'k8s-envbox']) assert.equal(validateTemplateName(ok), undefined, ok);
  });

  it('rejects 32 characters and more with the CLI message', () => {
    assert.match(validateTemplateName('a'.repeat(32)) ?? '', /less than 32 characters/);
  });

  it('rejects what codersdk.NameValid rejects', () => {
    for (const bad of ['', 'my template', 'my_template', '-lead', 'trail-', 'dou--ble', 'new', 'create', 'tmpl.v2', 'naïve']) {
      assert.notEqual(validateTemplateName(bad), undefined, bad);
    }
  });
});

describe('suggestTemplateName', () => {
  it('turns a folder name into a valid template name', () => {
    assert.equal(suggestTemplateName('my template_v2'), 'my-template-v2');
    assert.equal(suggestTemplateName('--docker--'), 'docker');
    const long = suggestTemplateName('a-very-long-folder-name-for-a-coder-template');
    assert.equal(validateTemplateName(long), undefined);
  });
});

describe('validateVersionName and isTerraformIdentifier', () => {
  it('follows TemplateVersionNameValid', () => {
    assert.equal(validateVersionName(''), undefined);
    assert.equal(validateVersionName('v1.2_rc-3'), undefined);
    assert.notEqual(validateVersionName('v1..2'), undefined);
    assert.notEqual(validateVersionName('has space'), undefined);
    assert.notEqual(validateVersionName('a'.repeat(65)), undefined);
  });

  it('recognises Terraform variable names', () => {
    assert.equal(isTerraformIdentifier('docker_host'), true);
    assert.equal(isTerraformIdentifier('a=b'), false);
    assert.equal(isTerraformIdentifier('1abc'), false);
  });
});
