import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { bundledVersions, chooseRelease, Frame, loadRelease, lookup, PROVIDER_NAMES, SchemaSet } from '../../server/src/schema';
import { allNoteKeys, noteFor, noteKey } from '../../server/src/schema/notes';
import { valueRules } from '../../server/src/schema/values';
import { attributeAt, bodyAt, NEWEST } from '../helpers/schemaAt';

const f = (type: string, ...labels: string[]): Frame => ({ type, labels });

describe('version choice', () => {
  it('takes the newest bundled release the constraint admits', () => {
    assert.equal(chooseRelease('docker', '~> 3.0').release.version, '3.9.0');
    assert.equal(chooseRelease('docker', '>= 4').release.version, '4.5.0');
    assert.equal(chooseRelease('docker', '>= 3.0.0, < 5.0.0').release.version, '4.5.0');
    assert.equal(chooseRelease('docker', undefined).release.version, '4.5.0', 'no constraint: the newest');
    assert.equal(chooseRelease('coder', '>= 2.0').admitted, true);
  });

  it('marks a constraint no bundled release meets, and serves the nearest release', () => {
    const future = chooseRelease('docker', '~> 5.0');
    assert.equal(future.admitted, false);
    assert.equal(future.release.version, '4.5.0');
    const old = chooseRelease('docker', '~> 2.25');
    assert.equal(old.admitted, false);
    assert.equal(old.release.version, '3.9.0', 'nearest to 2.x');
    assert.equal(chooseRelease('coder', '~> 1.0').admitted, false);
    assert.equal(chooseRelease('kubernetes', 'not a constraint').admitted, false);
  });

  it('answers per module: a docker 3.x module sees 3.9.0 types', () => {
    const v3 = new SchemaSet({ docker: '~> 3.0' });
    assert.equal(v3.type('resource', 'docker_container')?.release.version, '3.9.0');
    assert.equal(v3.type('data', 'docker_containers'), undefined, 'a data source 4.x added');
    assert.ok(NEWEST.type('data', 'docker_containers'));
    assert.ok(bodyAt('resource', 'docker_network', [], v3)?.attributes.has('check_duplicate'));
    assert.ok(!bodyAt('resource', 'docker_network', [])?.attributes.has('check_duplicate'));
  });
});

describe('the position lookup', () => {
  it('gives a resource body its arguments and meta-arguments, and checks it when the schema is exact', () => {
    const ctx = lookup(NEWEST, [f('resource', 'docker_container', 'w')])!;
    assert.ok(ctx.body?.attributes.has('image'));
    assert.ok(ctx.meta?.attributes.has('count') && ctx.meta.blocks.has('lifecycle') && ctx.meta.blocks.has('provisioner'));
    assert.equal(ctx.checked, true);
    assert.deepEqual(ctx.owner?.path, []);
  });

  it('follows nested blocks, dynamic blocks and their content', () => {
    const env = lookup(NEWEST, [f('resource', 'kubernetes_pod_v1', 'p'), f('spec'), f('container'), f('env')])!;
    assert.deepEqual(env.owner?.path, ['spec', 'container', 'env']);
    assert.ok(env.body?.attributes.has('value'));
    const dynamic = lookup(NEWEST, [f('resource', 'kubernetes_pod_v1', 'p'), f('spec'), f('container'), f('dynamic', 'env')])!;
    assert.ok(dynamic.body?.attributes.has('for_each') && dynamic.body.blocks.has('content'));
    assert.equal(dynamic.language, 'dynamic');
    const content = lookup(NEWEST, [f('resource', 'kubernetes_pod_v1', 'p'), f('spec'), f('container'), f('dynamic', 'env'), f('content')])!;
    assert.equal(content.body, env.body);
    assert.deepEqual(content.owner?.path, ['spec', 'container', 'env']);
    assert.equal(content.checked, true);
    const unknownDynamic = lookup(NEWEST, [f('resource', 'kubernetes_pod_v1', 'p'), f('dynamic', 'nope'), f('content')])!;
    assert.equal(unknownDynamic.checked, false);
  });

  it('knows Terraform\'s lifecycle, provisioner and timeouts blocks inside a resource', () => {
    const lifecycle = lookup(NEWEST, [f('resource', 'coder_agent', 'a'), f('lifecycle')])!;
    assert.ok(lifecycle.body?.attributes.has('ignore_changes') && lifecycle.body.blocks.has('precondition'));
    assert.equal(lifecycle.language, 'lifecycle');
    const provisioner = lookup(NEWEST, [f('resource', 'docker_container', 'w'), f('provisioner', 'local-exec')])!;
    assert.equal(provisioner.checked, false, 'provisioner bodies take any argument');
    assert.ok(lookup(NEWEST, [f('resource', 'kubernetes_pod_v1', 'p'), f('timeouts')])?.body?.attributes.has('create'));
  });

  it('gives provider blocks their configuration, and other providers\' types nothing to check', () => {
    const docker = lookup(NEWEST, [f('provider', 'docker')])!;
    assert.ok(docker.body?.attributes.has('host') && docker.meta?.attributes.has('alias'));
    assert.equal(lookup(NEWEST, [f('provider', 'aws')])!.checked, false);
    for (const type of ['null_resource', 'terraform_data', 'aws_instance']) {
      const ctx = lookup(NEWEST, [f('resource', type, 'x')])!;
      assert.equal(ctx.checked, false, type);
      assert.equal(ctx.body, undefined, type);
    }
    const unknown = lookup(NEWEST, [f('resource', 'docker_contaner', 'x')])!;
    assert.equal(unknown.checked, false);
  });

  it('describes Terraform\'s own blocks but never checks them', () => {
    const variable = lookup(NEWEST, [f('variable', 'x')])!;
    assert.ok(variable.body?.attributes.has('default') && variable.body.blocks.has('validation'));
    assert.equal(variable.checked, false);
    assert.equal(lookup(NEWEST, [f('locals')])!.body?.open, true);
    assert.equal(lookup(NEWEST, [f('nonsense')])!.checked, false);
  });

  it('does not check a provider whose constraint admits no bundled release', () => {
    const set = new SchemaSet({ coder: '~> 1.0' });
    const ctx = lookup(set, [f('resource', 'coder_agent', 'a')])!;
    assert.ok(ctx.body?.attributes.has('arch'), 'completion still has the nearest release');
    assert.equal(ctx.checked, false);
  });

  it('marks hand-edited kubernetes framework pages unchecked', () => {
    const ctx = lookup(NEWEST, [f('resource', 'kubernetes_manifest', 'm')])!;
    assert.ok(ctx.body);
    assert.equal(ctx.checked, false);
  });
});

describe('the project\'s notes and known values', () => {
  it('keys notes by path, sharing them between both names and every workload of a pod spec', () => {
    assert.equal(noteKey('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'spec', 'container', 'image']), 'pod.container.image');
    assert.equal(noteKey('resource', 'kubernetes_pod', ['spec', 'container', 'image']), 'pod.container.image');
    assert.equal(noteKey('resource', 'kubernetes_cron_job_v1', ['spec', 'job_template', 'spec', 'template', 'spec', 'runtime_class_name']), 'pod.runtime_class_name');
    assert.equal(noteKey('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'metadata', 'annotations']), 'k8s.metadata.annotations');
    assert.equal(noteKey('resource', 'coder_agent', ['dir']), 'resource.coder_agent.dir');
    assert.match(noteFor('resource', 'kubernetes_stateful_set_v1', ['spec', 'template', 'spec', 'runtime_class_name']) ?? '', /sysbox/i);
  });

  it('has no note for a path that no bundled release has', () => {
    const known = new Set<string>();
    const walk = (kind: 'resource' | 'data', type: string, body: ReturnType<typeof bodyAt>, path: string[]) => {
      if (!body) return;
      for (const a of body.attributes.keys()) known.add(noteKey(kind, type, [...path, a]));
      for (const [name, b] of body.blocks) {
        known.add(noteKey(kind, type, [...path, name]));
        if (path.length < 8) walk(kind, type, b.block, [...path, name]);
      }
    };
    for (const provider of PROVIDER_NAMES) {
      for (const version of bundledVersions(provider)) {
        const release = loadRelease(provider, version);
        for (const t of [...release.resources.values(), ...release.dataSources.values()]) {
          known.add(noteKey(t.kind, t.name, []));
          walk(t.kind, t.name, t.block, []);
        }
      }
    }
    const stale = allNoteKeys().filter((k) => !known.has(k));
    assert.deepEqual(stale, []);
  });

  it('has value rules that point at real attributes and agree with the allowed values', () => {
    for (const rule of valueRules) {
      for (const location of rule.where) {
        for (const type of location.types) {
          const where = `${location.kind} ${type} ${[...location.path, rule.attribute].join('.')}`;
          const attribute = attributeAt(location.kind, type, location.path, rule.attribute);
          assert.ok(attribute, `${where} exists`);
          if (rule.mapKeys) assert.ok(Array.isArray(attribute.type) && attribute.type[0] === 'map', `${where} is a map`);
          const allowed = (typeof attribute.type === 'string' ? attribute.checks : attribute.elementChecks)?.allowed_values;
          for (const known of rule.values ?? []) {
            assert.ok(known.description.trim().length > 0, `${where}=${known.value} description`);
            if (allowed) assert.ok(allowed.includes(known.value), `${where}=${known.value} is allowed`);
          }
        }
      }
    }
  });
});
