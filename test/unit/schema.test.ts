import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  allEnvVarDocs,
  allProviders,
  allResourceSchemas,
  allResourceTypes,
  allSchemas,
  attributeSchema,
  blockSchemaAt,
  envVarDoc,
  knownMapKeys,
  knownValues,
  metaArguments,
  referenceableAttributes,
  resourceSchema,
  settableAttributes,
  type BlockSchema,
  type SchemaKind,
} from '../../server/src/schema';
import { valueRules } from '../../server/src/schema/values';

/** Every block reachable from the schemas, each once, with a readable location. */
function allBlocks(): Array<{ where: string; block: BlockSchema }> {
  const seen = new Set<BlockSchema>();
  const found: Array<{ where: string; block: BlockSchema }> = [];
  const visit = (target: BlockSchema, where: string): void => {
    if (seen.has(target)) return;
    seen.add(target);
    found.push({ where, block: target });
    for (const nested of target.blocks) visit(nested, `${where}.${nested.name}`);
  };
  for (const schema of allSchemas) visit(schema, `${schema.kind} ${schema.name}`);
  visit(metaArguments, 'meta-arguments');
  return found;
}

describe('schema lookups', () => {
  it('knows every resource and data source the templates use', () => {
    const resources = [
      'coder_agent',
      'coder_app',
      'coder_script',
      'coder_env',
      'coder_metadata',
      'coder_devcontainer',
      'docker_container',
      'docker_network',
      'docker_volume',
      'docker_image',
      'kubernetes_pod',
      'kubernetes_pod_v1',
      'kubernetes_deployment',
      'kubernetes_deployment_v1',
      'kubernetes_persistent_volume_claim',
      'kubernetes_persistent_volume_claim_v1',
      'kubernetes_secret',
      'kubernetes_secret_v1',
    ];
    for (const type of resources) assert.equal(resourceSchema('resource', type)?.name, type, type);
    for (const type of ['coder_workspace', 'coder_workspace_owner', 'coder_provisioner', 'coder_parameter']) {
      assert.equal(resourceSchema('data', type)?.name, type, type);
      assert.equal(resourceSchema('resource', type), undefined, `${type} is a data source only`);
    }
    assert.equal(resourceSchema('resource', 'docker_contaner'), undefined);
  });

  it('lists types sorted by name and per kind', () => {
    for (const kind of ['resource', 'data'] as SchemaKind[]) {
      const types = allResourceTypes(kind);
      assert.deepEqual(types, [...types].sort((a, b) => a.localeCompare(b)));
      assert.deepEqual(
        allResourceSchemas(kind).map((schema) => schema.name),
        types,
      );
      for (const schema of allResourceSchemas(kind)) assert.equal(schema.kind, kind);
    }
    assert.ok(allResourceTypes('data').includes('coder_workspace_owner'));
    assert.ok(!allResourceTypes('data').includes('coder_agent'));
  });

  it('follows nested block paths in pods, deployments and coder blocks', () => {
    const podContext = blockSchemaAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'security_context']);
    assert.ok(podContext);
    assert.equal(attributeSchema('resource', 'kubernetes_pod_v1', ['spec', 'container', 'security_context'], 'privileged')?.type, 'bool');
    assert.ok(blockSchemaAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'security_context', 'capabilities']));

    const deploymentContext = blockSchemaAt('resource', 'kubernetes_deployment', ['spec', 'template', 'spec', 'container', 'security_context']);
    assert.equal(deploymentContext, podContext, 'deployment templates share the pod spec definition');
    assert.equal(
      blockSchemaAt('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'spec']),
      blockSchemaAt('resource', 'kubernetes_pod', ['spec']),
    );
    assert.ok(attributeSchema('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'metadata'], 'annotations'));
    assert.ok(attributeSchema('resource', 'kubernetes_deployment_v1', ['spec'], 'replicas'));
    assert.ok(attributeSchema('resource', 'kubernetes_deployment_v1', [], 'wait_for_rollout'));
    assert.ok(attributeSchema('resource', 'kubernetes_deployment_v1', ['spec', 'strategy'], 'type'));
    assert.ok(attributeSchema('resource', 'kubernetes_persistent_volume_claim_v1', [], 'wait_until_bound'));
    assert.ok(attributeSchema('resource', 'kubernetes_persistent_volume_claim_v1', ['spec', 'resources'], 'requests'));
    assert.equal(attributeSchema('resource', 'kubernetes_persistent_volume_claim_v1', ['spec'], 'access_modes')?.required, true);

    assert.equal(
      attributeSchema('resource', 'kubernetes_pod', ['spec', 'container', 'env', 'value_from', 'resource_field_ref'], 'resource')?.required,
      true,
    );
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec', 'container', 'env', 'value_from', 'secret_key_ref'], 'key'));
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec', 'init_container', 'volume_mount'], 'sub_path'));
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec', 'volume', 'host_path'], 'path'));
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec', 'volume', 'empty_dir'], 'medium'));
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec', 'security_context'], 'fs_group'));
    assert.ok(attributeSchema('resource', 'kubernetes_pod', ['spec'], 'runtime_class_name'));

    assert.equal(attributeSchema('resource', 'coder_agent', ['resources_monitoring', 'volume'], 'path')?.required, true);
    assert.equal(blockSchemaAt('resource', 'coder_agent', ['display_apps'])?.maxItems, 1);
    assert.ok(attributeSchema('resource', 'coder_agent', ['metadata'], 'interval'));
    assert.ok(attributeSchema('resource', 'coder_app', ['healthcheck'], 'threshold'));
    assert.ok(attributeSchema('resource', 'coder_metadata', ['item'], 'key'));
    assert.equal(attributeSchema('data', 'coder_parameter', ['validation'], 'monotonic')?.allowedValues?.join(), 'increasing,decreasing');
    assert.equal(attributeSchema('data', 'coder_parameter', ['option'], 'value')?.required, true);
    assert.ok(attributeSchema('resource', 'docker_container', ['mounts', 'volume_options', 'labels'], 'label'));
    assert.ok(attributeSchema('resource', 'docker_container', ['networks_advanced'], 'name'));
  });

  it('returns undefined for unknown paths and attributes', () => {
    assert.equal(blockSchemaAt('resource', 'kubernetes_pod', ['spec', 'nope']), undefined);
    assert.equal(blockSchemaAt('resource', 'kubernetes_pod', ['spec', 'nope', 'container']), undefined);
    assert.equal(blockSchemaAt('resource', 'unknown_type', []), undefined);
    assert.equal(attributeSchema('resource', 'kubernetes_pod', ['spec'], 'privileged'), undefined);
    assert.equal(attributeSchema('resource', 'coder_agent', [], 'nope'), undefined);
  });

  it('skips the `content` block of a dynamic block', () => {
    assert.equal(
      blockSchemaAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'env', 'content']),
      blockSchemaAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'env']),
    );
  });
});

describe('coder provider facts', () => {
  it('flags the removed coder_workspace owner attributes with their coder_workspace_owner replacements', () => {
    const expected: Record<string, string> = {
      owner: 'coder_workspace_owner.name',
      owner_id: 'coder_workspace_owner.id',
      owner_name: 'coder_workspace_owner.full_name',
      owner_email: 'coder_workspace_owner.email',
      owner_groups: 'coder_workspace_owner.groups',
      owner_session_token: 'coder_workspace_owner.session_token',
      owner_oidc_access_token: 'coder_workspace_owner.oidc_access_token',
    };
    const workspace = resourceSchema('data', 'coder_workspace')!;
    const removed = workspace.attributes.filter((attribute) => attribute.removed);
    assert.deepEqual(Object.fromEntries(removed.map((attribute) => [attribute.name, attribute.replacedBy])), expected);
    const owner = resourceSchema('data', 'coder_workspace_owner')!;
    for (const [name, replacement] of Object.entries(expected)) {
      const attribute = attributeSchema('data', 'coder_workspace', [], name)!;
      const target = replacement.split('.')[1]!;
      assert.match(attribute.removed!, new RegExp(`coder_workspace_owner\\.<name>\\.${target}\\b`), name);
      assert.ok(owner.attributes.some((candidate) => candidate.name === target && !candidate.removed), `${target} exists on coder_workspace_owner`);
    }
    const referenceable = referenceableAttributes('data', 'coder_workspace').map((attribute) => attribute.name);
    for (const name of Object.keys(expected)) assert.ok(!referenceable.includes(name), `${name} is never offered`);
    assert.ok(referenceable.includes('start_count'));
  });

  it('describes coder_agent: required, allowed values, read-only, deprecated and removed', () => {
    assert.deepEqual(attributeSchema('resource', 'coder_agent', [], 'arch')?.allowedValues, ['amd64', 'armv7', 'arm64']);
    assert.deepEqual(attributeSchema('resource', 'coder_agent', [], 'os')?.allowedValues, ['linux', 'darwin', 'windows']);
    assert.equal(attributeSchema('resource', 'coder_agent', [], 'startup_script_behavior')?.default, '"non-blocking"');
    assert.match(attributeSchema('resource', 'coder_agent', [], 'dir')?.deprecated ?? '', /2\.17\.0/);
    const token = attributeSchema('resource', 'coder_agent', [], 'token')!;
    assert.equal(token.computed, true);
    assert.equal(token.sensitive, true);
    assert.equal(attributeSchema('resource', 'coder_agent', [], 'init_script')?.computed, true);
    assert.match(attributeSchema('resource', 'coder_agent', [], 'login_before_ready')?.removed ?? '', /startup_script_behavior/);

    const settable = settableAttributes(resourceSchema('resource', 'coder_agent')!).map((attribute) => attribute.name);
    assert.deepEqual(settable.slice(0, 2), ['arch', 'os'], 'required attributes come first');
    assert.equal(settable.at(-1), 'dir', 'deprecated attributes come last');
    for (const hidden of ['token', 'init_script', 'id', 'login_before_ready', 'startup_script_timeout']) assert.ok(!settable.includes(hidden), hidden);
  });

  it('marks required attributes of coder_script, coder_app, coder_env and coder_devcontainer', () => {
    const required = (type: string): string[] =>
      resourceSchema('resource', type)!
        .attributes.filter((attribute) => attribute.required)
        .map((attribute) => attribute.name)
        .sort();
    assert.deepEqual(required('coder_script'), ['agent_id', 'display_name', 'script']);
    assert.deepEqual(required('coder_app'), ['agent_id', 'slug']);
    assert.deepEqual(required('coder_env'), ['agent_id', 'name']);
    assert.deepEqual(required('coder_devcontainer'), ['agent_id', 'workspace_folder']);
    assert.deepEqual(required('coder_metadata'), ['resource_id']);
  });
});

describe('kubernetes versioned and unversioned types', () => {
  const pairs = ['kubernetes_pod', 'kubernetes_deployment', 'kubernetes_persistent_volume_claim', 'kubernetes_secret'];

  it('share one definition', () => {
    for (const legacyName of pairs) {
      const legacy = resourceSchema('resource', legacyName)!;
      const v1 = resourceSchema('resource', `${legacyName}_v1`)!;
      assert.notEqual(legacy, v1);
      assert.equal(legacy.blocks, v1.blocks, `${legacyName} blocks`);
      assert.equal(legacy.attributes, v1.attributes, `${legacyName} attributes`);
      assert.notEqual(legacy.docsUrl, v1.docsUrl);
    }
  });

  it('deprecate the unversioned names in favour of _v1', () => {
    for (const legacyName of pairs) {
      const legacy = resourceSchema('resource', legacyName)!;
      assert.equal(legacy.deprecated, `Deprecated in hashicorp/kubernetes 3.0.0; use ${legacyName}_v1.`);
      assert.equal(legacy.replacedBy, `${legacyName}_v1`);
      assert.equal(resourceSchema('resource', `${legacyName}_v1`)!.deprecated, undefined);
    }
  });
});

describe('schema data integrity', () => {
  it('gives every resource, block and attribute a description and an https docs link', () => {
    for (const { where, block } of allBlocks()) {
      assert.ok(block.description.trim().length > 0, `${where} description`);
      assert.match(block.docsUrl ?? '', /^https:\/\//, `${where} docsUrl`);
      for (const attribute of block.attributes) {
        assert.ok(attribute.description.trim().length > 0, `${where}.${attribute.name} description`);
        assert.match(attribute.docsUrl ?? '', /^https:\/\//, `${where}.${attribute.name} docsUrl`);
      }
    }
    for (const schema of allSchemas) {
      const expectedHost =
        schema.provider === 'coder'
          ? 'https://registry.terraform.io/providers/coder/coder/latest/docs/'
          : schema.provider === 'docker'
            ? 'https://registry.terraform.io/providers/kreuzwerker/docker/latest/docs/'
            : 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/';
      assert.ok(schema.docsUrl!.startsWith(expectedHost), `${schema.name}: ${schema.docsUrl}`);
    }
    assert.equal(resourceSchema('resource', 'coder_agent')!.docsUrl, 'https://registry.terraform.io/providers/coder/coder/latest/docs/resources/agent');
    assert.equal(resourceSchema('data', 'coder_workspace')!.docsUrl, 'https://registry.terraform.io/providers/coder/coder/latest/docs/data-sources/workspace');
    assert.equal(resourceSchema('resource', 'kubernetes_pod_v1')!.docsUrl, 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/pod_v1');
    for (const provider of allProviders()) assert.match(provider.docsUrl, /^https:\/\//);
  });

  it('has no duplicate attribute or block names in one block', () => {
    for (const { where, block } of allBlocks()) {
      const names = [...block.attributes.map((attribute) => attribute.name), ...block.blocks.map((nested) => nested.name)];
      const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
      assert.deepEqual(duplicates, [], where);
    }
  });

  it('gives every attribute exactly one mode and explains removals and deprecations', () => {
    for (const { where, block } of allBlocks()) {
      for (const attribute of block.attributes) {
        const modes = [attribute.required, attribute.optional, attribute.computed, attribute.removed !== undefined].filter(Boolean);
        assert.equal(modes.length, 1, `${where}.${attribute.name} is exactly one of required/optional/read-only/removed`);
        if (attribute.deprecated !== undefined) assert.ok(attribute.deprecated.length > 0);
        if (attribute.allowedValues) assert.ok(attribute.allowedValues.length > 0, `${where}.${attribute.name}`);
        if (attribute.default !== undefined && attribute.allowedValues && attribute.type === 'string') {
          assert.ok(attribute.allowedValues.includes(JSON.parse(attribute.default)), `${where}.${attribute.name} default is allowed`);
        }
      }
    }
  });
});

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
    assert.deepEqual(knownValues('resource', 'coder_agent', [], 'os').map((known) => known.value), ['linux', 'darwin', 'windows']);
    assert.deepEqual(knownValues('resource', 'coder_agent', [], 'arch').map((known) => known.value), ['amd64', 'armv7', 'arm64']);
    const behaviour = knownValues('resource', 'coder_agent', [], 'startup_script_behavior');
    assert.deepEqual(behaviour.map((known) => known.value), ['blocking', 'non-blocking']);
    assert.match(behaviour[0]!.description, /log in/);
  });

  it('falls back to allowed values and returns nothing for unknown attributes', () => {
    assert.deepEqual(knownValues('resource', 'docker_container', [], 'restart').map((known) => known.value), ['no', 'on-failure', 'always', 'unless-stopped']);
    assert.deepEqual(knownValues('resource', 'docker_container', [], 'name'), []);
    const formTypes = knownValues('data', 'coder_parameter', [], 'form_type').map((known) => known.value);
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

  it('has value rules that point at real attributes and agree with allowed values', () => {
    for (const rule of valueRules) {
      for (const location of rule.where) {
        for (const type of location.types) {
          const where = `${location.kind} ${type} ${[...location.path, rule.attribute].join('.')}`;
          const attribute = attributeSchema(location.kind, type, location.path, rule.attribute);
          assert.ok(attribute, `${where} exists`);
          if (rule.mapKeys) assert.ok(attribute.type.startsWith('map'), `${where} is a map`);
          for (const known of rule.values ?? []) {
            assert.ok(known.description.trim().length > 0, `${where}=${known.value} description`);
            if (attribute.allowedValues) assert.ok(attribute.allowedValues.includes(known.value), `${where}=${known.value} is allowed`);
          }
          for (const key of rule.mapKeys ?? []) assert.ok(key.description.trim().length > 0, `${where}[${key.key}] description`);
        }
      }
    }
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
