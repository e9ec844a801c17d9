import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { BlockSchema, bundledVersions, loadRelease, PROVIDER_NAMES } from '../../server/src/schema';
import { attributeAt, blockAt, expand } from '../helpers/schemaAt';

/** Attribute paths plus block paths of a body, nested blocks followed. */
function paths(body: BlockSchema): number {
  let n = body.attributes.size + body.blocks.size;
  for (const b of body.blocks.values()) n += paths(b.block);
  return n;
}

/**
 * Counts of the generated data, checked by hand against the inputs (`npm run schemas` prints them): the
 * resource and data source pages of each release, plus for kubernetes the types its Go provider defines
 * (104 SDK types; its pages also hold 4 plugin-framework types and 2 stale pages of removed types).
 * Paths are attribute plus block paths; kubernetes 3.2.1's pod_v1 page lists 681, its Go schema has 706.
 */
const COUNTS: Record<string, { resources: number; data: number; paths: number }> = {
  'coder@2.17.0': { resources: 9, data: 9, paths: 179 },
  'docker@3.9.0': { resources: 11, data: 6, paths: 571 },
  'docker@4.5.0': { resources: 12, data: 8, paths: 626 },
  'kubernetes@3.2.1': { resources: 81, data: 27, paths: 12740 },
};

describe('generated provider schemas', () => {
  it('bundle the pinned releases, newest first', () => {
    assert.deepEqual(bundledVersions('coder'), ['2.17.0']);
    assert.deepEqual(bundledVersions('docker'), ['4.5.0', '3.9.0']);
    assert.deepEqual(bundledVersions('kubernetes'), ['3.2.1']);
  });

  it('hold every type of every release, with the pinned numbers of attribute and block paths', () => {
    const seen: Record<string, { resources: number; data: number; paths: number }> = {};
    for (const provider of PROVIDER_NAMES) {
      for (const version of bundledVersions(provider)) {
        const release = loadRelease(provider, version);
        let total = 0;
        for (const t of [...release.resources.values(), ...release.dataSources.values()]) total += paths(t.block);
        seen[`${provider}@${version}`] = { resources: release.resources.size, data: release.dataSources.size, paths: total };
      }
    }
    for (const [key, counts] of Object.entries(COUNTS)) {
      assert.equal(seen[key]?.resources, counts.resources, `${key} resources`);
      assert.equal(seen[key]?.data, counts.data, `${key} data sources`);
      assert.equal(seen[key]?.paths, counts.paths, `${key} attribute and block paths`);
    }
    const pod = loadRelease('kubernetes', '3.2.1').resources.get('kubernetes_pod_v1')!;
    assert.equal(paths(pod.block), 706);
    assert.equal(seen['kubernetes@3.2.1']!.resources + seen['kubernetes@3.2.1']!.data, 108);
    assert.equal(seen['docker@4.5.0']!.resources + seen['docker@4.5.0']!.data, 20);
    assert.equal(seen['coder@2.17.0']!.resources + seen['coder@2.17.0']!.data, 18);
  });

  for (const [type, version, provider] of [
    ['coder_agent', '2.17.0', 'coder'],
    ['docker_container', '4.5.0', 'docker'],
    ['kubernetes_deployment_v1', '3.2.1', 'kubernetes'],
  ] as const) {
    it(`pins ${type} exactly (golden file)`, () => {
      const release = loadRelease(provider, version);
      const actual = `${JSON.stringify(expand(release.resources.get(type)!.block), null, 1)}\n`;
      const golden = path.join(__dirname, '..', 'fixtures', 'schema-golden', `${type}.json`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        assert.ok(process.env.UPDATE_GOLDEN === '1', `missing ${golden}: run UPDATE_GOLDEN=1 on this test after npm run schemas`);
        writeFileSync(golden, actual);
      }
      assert.equal(actual, readFileSync(golden, 'utf8'), `${type} changed; if npm run schemas meant it, run this test with UPDATE_GOLDEN=1`);
    });
  }

  it('fixes the errors the hand-typed schema had', () => {
    // resources_monitoring.memory.enabled is required upstream.
    assert.equal(attributeAt('resource', 'coder_agent', ['resources_monitoring', 'memory'], 'enabled')?.required, true);
    // A deployment's pod template needs its metadata.
    assert.equal(blockAt('resource', 'kubernetes_deployment_v1', ['spec', 'template'], 'metadata')?.minItems, 1);
    // A container port's protocol is TCP or UDP: the provider rejects SCTP there.
    assert.deepEqual(attributeAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'port'], 'protocol')?.checks?.allowed_values, ['TCP', 'UDP']);
    // supplemental_groups is a set of numbers.
    assert.deepEqual(attributeAt('resource', 'kubernetes_pod_v1', ['spec', 'security_context'], 'supplemental_groups')?.type, ['set', 'number']);
  });

  it('carries the provider code\'s checks: allowed values, ranges, patterns, formats and defaults', () => {
    const agent = (name: string) => attributeAt('resource', 'coder_agent', [], name);
    assert.deepEqual(agent('arch')?.checks?.allowed_values, ['amd64', 'armv7', 'arm64']);
    assert.equal(agent('connection_timeout')?.default, 120);
    assert.equal(agent('connection_timeout')?.checks?.minimum, 0);
    assert.equal(attributeAt('resource', 'coder_agent', ['resources_monitoring', 'memory'], 'threshold')?.checks?.maximum, 100);
    assert.equal(attributeAt('resource', 'coder_agent', ['resources_monitoring', 'volume'], 'path')?.checks?.format, 'absolute-path');
    assert.equal(attributeAt('resource', 'coder_app', [], 'slug')?.checks?.pattern, '^[a-z0-9](-?[a-z0-9])*$');
    assert.equal(attributeAt('resource', 'coder_script', [], 'timeout')?.checks?.minimum, 1);
    assert.equal(attributeAt('resource', 'coder_env', [], 'name')?.checks?.pattern, '^[a-zA-Z_][a-zA-Z0-9_]*$');
    // Coder checks `monotonic` when it imports the template, not the provider at plan: no check here.
    assert.equal(attributeAt('data', 'coder_parameter', ['validation'], 'monotonic')?.checks, undefined);
    assert.equal(attributeAt('resource', 'kubernetes_deployment_v1', ['spec', 'template', 'spec'], 'restart_policy')?.checks?.allowed_values?.join(), 'Always');
    assert.equal(attributeAt('resource', 'kubernetes_pod_v1', ['spec', 'volume', 'config_map'], 'default_mode')?.checks?.format, 'octal-mode');
    assert.equal(attributeAt('resource', 'kubernetes_pod_v1', ['spec', 'container', 'security_context'], 'run_as_user')?.checks?.format, 'int-string');
  });

  it('follows terraform-plugin-sdk where the pages cannot show it', () => {
    // Every SDK type has an optional computed id (its page lists it as read-only).
    const id = attributeAt('resource', 'docker_container', [], 'id');
    assert.ok(id?.optional && id.computed);
    // SDK timeouts are a single block of optional strings.
    const timeouts = blockAt('resource', 'kubernetes_pod_v1', [], 'timeouts');
    assert.equal(timeouts?.nesting, 'single');
    assert.deepEqual([...timeouts!.block.attributes.keys()].sort(), ['create', 'delete']);
    // The docker provider's host is required with an environment default: optional to Terraform.
    const host = loadRelease('docker', '4.5.0').providerConfig.attributes.get('host');
    assert.ok(host?.optional && !host.required);
  });

  it('knows what releases removed', () => {
    const coder = loadRelease('coder', '2.17.0').removals;
    assert.deepEqual(coder.find((r) => r.path === 'data.coder_workspace.owner'), { path: 'data.coder_workspace.owner', removed_in: '2.0.0', replacement: 'data.coder_workspace_owner.name' });
    const docker = loadRelease('docker', '4.5.0').removals.map((r) => r.path);
    assert.deepEqual(docker, ['resource.docker_network.check_duplicate']);
  });
});
