import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { allEnvVarDocs, envVarDoc, knownMapKeys, knownValues } from '../../server/src/schema';
import { checkProblem } from '../../server/src/schema/valueChecks';
import { attributeAt } from '../helpers/schemaAt';

describe('known values', () => {
  it('offers sysbox-runc for docker runtime and pod runtime_class_name', () => {
    assert.deepEqual(knownValues('resource', 'docker_container', [], 'runtime').map((known) => known.value), ['sysbox-runc']);
    for (const [type, path] of [
      ['kubernetes_pod', ['spec']],
      ['kubernetes_pod_v1', ['spec']],
      ['kubernetes_deployment', ['spec', 'template', 'spec']],
      ['kubernetes_deployment_v1', ['spec', 'template', 'spec']],
    ] as const) {
      assert.ok(knownValues('resource', type, path, 'runtime_class_name').some((known) => known.value === 'sysbox-runc'), type);
    }
  });

  it('offers coder_agent os, arch and startup_script_behavior with descriptions', () => {
    const agent = (name: string) => knownValues('resource', 'coder_agent', [], name, attributeAt('resource', 'coder_agent', [], name));
    assert.deepEqual(agent('os').map((known) => known.value), ['linux', 'darwin', 'windows']);
    assert.deepEqual(agent('arch').map((known) => known.value), ['amd64', 'armv7', 'arm64']);
    const behaviour = agent('startup_script_behavior');
    assert.deepEqual(behaviour.map((known) => known.value), ['blocking', 'non-blocking']);
    assert.match(behaviour[0]!.description, /log in/);
  });

  it('falls back to allowed values and returns nothing for unknown attributes', () => {
    const restart = attributeAt('resource', 'docker_container', [], 'restart');
    assert.deepEqual(knownValues('resource', 'docker_container', [], 'restart', restart).map((known) => known.value), ['no', 'on-failure', 'always', 'unless-stopped']);
    assert.deepEqual(knownValues('resource', 'docker_container', [], 'name', attributeAt('resource', 'docker_container', [], 'name')), []);
    const formTypes = knownValues('data', 'coder_parameter', [], 'form_type', attributeAt('data', 'coder_parameter', [], 'form_type')).map((known) => known.value);
    assert.ok(formTypes.includes('dropdown'));
    assert.ok(!formTypes.includes(''), 'the empty (automatic) form type is not offered');
  });

  it('offers images per method', () => {
    const docker = knownValues('resource', 'docker_container', [], 'image').map((known) => known.value);
    for (const image of ['codercom/enterprise-base:ubuntu', 'docker:dind', 'ghcr.io/coder/envbox:latest']) assert.ok(docker.includes(image), image);
    const kubernetes = knownValues('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'spec', 'container'], 'image');
    assert.ok(kubernetes.some((known) => known.value === 'ghcr.io/coder/podman:ubuntu' && known.methods?.includes('rootless-podman')));
    assert.ok(kubernetes.some((known) => known.value === 'codercom/enterprise-podman'));
    assert.ok(kubernetes.some((known) => known.value === 'ghcr.io/coder/envbox:latest' && known.methods?.includes('envbox')));
  });

  it('offers env names in Kubernetes env blocks and KEY= prefixes in docker env lists', () => {
    const names = knownValues('resource', 'kubernetes_pod', ['spec', 'container', 'env'], 'name').map((known) => known.value);
    for (const name of ['CODER_INNER_IMAGE', 'DOCKER_HOST', 'CODER_AGENT_TOKEN']) assert.ok(names.includes(name), name);
    assert.equal(names.filter((name) => name === 'CODER_AGENT_TOKEN').length, 1);
    const dockerEnv = knownValues('resource', 'docker_container', [], 'env').map((known) => known.value);
    assert.ok(dockerEnv.includes('DOCKER_HOST='));
  });

  it('offers annotation keys on pod metadata and resource limit keys', () => {
    for (const [type, path] of [
      ['kubernetes_pod_v1', ['metadata']],
      ['kubernetes_deployment', ['spec', 'template', 'metadata']],
    ] as const) {
      const keys = knownMapKeys('resource', type, path, 'annotations');
      assert.equal(keys.find((key) => key.key === 'io.kubernetes.cri-o.userns-mode')?.value, '"auto:size=65536"', type);
      const apparmor = keys.find((key) => key.key === 'container.apparmor.security.beta.kubernetes.io/<container>');
      assert.equal(apparmor?.value, '"unconfined"');
      assert.equal(apparmor?.containerPlaceholder, true);
    }
    assert.deepEqual(knownMapKeys('resource', 'kubernetes_deployment', ['metadata'], 'annotations'), [], 'deployment metadata is not the pod metadata');
    const limits = knownMapKeys('resource', 'kubernetes_pod', ['spec', 'container', 'resources'], 'limits').map((key) => key.key);
    for (const key of ['github.com/fuse', 'cpu', 'memory']) assert.ok(limits.includes(key), key);
  });
});

describe('env var docs', () => {
  const envboxVars = [
    'CODER_INNER_IMAGE',
    'CODER_INNER_USERNAME',
    'CODER_AGENT_TOKEN',
    'CODER_AGENT_URL',
    'CODER_INNER_ENVS',
    'CODER_INNER_WORK_DIR',
    'CODER_INNER_HOSTNAME',
    'CODER_IMAGE_PULL_SECRET',
    'CODER_DOCKER_BRIDGE_CIDR',
    'CODER_BOOTSTRAP_SCRIPT',
    'CODER_MOUNTS',
    'CODER_USR_LIB_DIR',
    'CODER_INNER_USR_LIB_DIR',
    'CODER_ADD_TUN',
    'CODER_ADD_FUSE',
    'CODER_ADD_GPU',
    'CODER_CPUS',
    'CODER_MEMORY',
    'CODER_DISABLE_IDMAPPED_MOUNT',
    'CODER_EXTRA_CERTS_PATH',
    'CODER_DOCKER_CONFIG',
    'CODER_DEBUG',
  ];

  it('documents every envbox variable, with the required ones marked', () => {
    for (const name of envboxVars) {
      const doc = envVarDoc(name, 'envbox');
      assert.equal(doc?.usedBy, 'envbox', name);
      assert.match(doc.docsUrl ?? '', /^https:\/\/github\.com\/coder\/envbox/, name);
    }
    const required = allEnvVarDocs()
      .filter((doc) => doc.usedBy === 'envbox' && doc.required)
      .map((doc) => doc.name)
      .sort();
    assert.deepEqual(required, ['CODER_AGENT_TOKEN', 'CODER_INNER_IMAGE', 'CODER_INNER_USERNAME']);
    assert.match(envVarDoc('CODER_MEMORY')!.description, /bytes/);
    assert.equal(envVarDoc('CODER_DOCKER_BRIDGE_CIDR')!.default, '172.19.0.1/30');
  });

  it('documents Docker client and Coder agent variables', () => {
    for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS_CERTDIR']) assert.equal(envVarDoc(name)?.usedBy, 'docker', name);
    assert.equal(envVarDoc('CODER_AGENT_DEVCONTAINERS_ENABLE')?.usedBy, 'coder');
    assert.equal(envVarDoc('CODER_AGENT_TOKEN')?.usedBy, 'coder', 'a plain container gets the Coder meaning');
    assert.equal(envVarDoc('CODER_AGENT_TOKEN', 'envbox')?.usedBy, 'envbox');
    assert.equal(envVarDoc('CODER_INNER_IMAGE', 'docker')?.usedBy, 'envbox', 'falls back to the only meaning');
    assert.equal(envVarDoc('NOT_A_VAR'), undefined);
  });

  it('gives every env var a description, an https docs link and one entry per user', () => {
    const seen = new Set<string>();
    for (const doc of allEnvVarDocs()) {
      assert.ok(doc.description.trim().length > 0, doc.name);
      assert.match(doc.docsUrl ?? '', /^https:\/\//, doc.name);
      const key = `${doc.usedBy}:${doc.name}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
    }
  });
});

describe('value checks', () => {
  it("a prebuild's expiration ttl: 0 turns expiry off, anything else lies between an hour and a year", () => {
    const ttl = attributeAt('data', 'coder_workspace_preset', ['prebuilds', 'expiration_policy'], 'ttl');
    const checks = ttl?.checks ?? {};
    assert.deepEqual(checks, { also_allowed: [0], minimum: 3600, maximum: 31536000 });
    assert.equal(checkProblem(0, checks), undefined);
    assert.equal(checkProblem(86400, checks), undefined);
    assert.equal(checkProblem(60, checks), '60 is below the minimum of 3600 (or 0)');
    assert.equal(checkProblem(31536001, checks), '31536001 is above the maximum of 31536000 (or 0)');
  });
});
