import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { METHODS, methodById } from '../../server/src/model/methodCatalog';
import { formatHcl } from '../../server/src/scaffold/hclFormat';
import { checkParameter, renderScaffold } from '../../server/src/scaffold/render';
import { TfFile } from '../../server/src/model/document';
import { detectMethod } from '../../server/src/model/method';
import { TemplateModule } from '../../server/src/model/module';
import { initParser } from '../../server/src/model/parser';
import { lintModuleFully } from '../../server/src/service/lint';
import { CUSTOM_PARAMETERS, ScaffoldCase, parseMainTf, scaffoldCases } from '../helpers/scaffoldCases';

type Json = Record<string, any>;

const cases = scaffoldCases();

/** The one block of a labelled resource, as hcl2json gives it (`resource.T.N[0]`). */
function resource(tf: Json, type: string, name: string): Json {
  const block = tf.resource?.[type]?.[name]?.[0];
  assert.ok(block, `resource "${type}" "${name}" is missing`);
  return block;
}

/** The pod spec of a pod or deployment. */
function podSpec(tf: Json): { spec: Json; metadata: Json; kind: string } {
  if (tf.resource?.kubernetes_pod_v1?.workspace) {
    const pod = resource(tf, 'kubernetes_pod_v1', 'workspace');
    return { spec: pod.spec[0], metadata: pod.metadata[0], kind: 'kubernetes_pod_v1' };
  }
  const deployment = resource(tf, 'kubernetes_deployment_v1', 'workspace');
  const template = deployment.spec[0].template[0];
  return { spec: template.spec[0], metadata: template.metadata[0], kind: 'kubernetes_deployment_v1' };
}

function container(spec: Json, name: string): Json {
  const found = (spec.container as Json[]).find((c) => c.name === name);
  assert.ok(found, `container "${name}" is missing`);
  return found;
}

function envMap(c: Json): Map<string, Json> {
  return new Map((c.env as Json[] | undefined ?? []).map((e) => [e.name as string, e]));
}

/** Every nested `privileged` value in a parsed structure. */
function privilegedValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(privilegedValues);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => (key === 'privileged' ? [inner] : privilegedValues(inner)));
  }
  return [];
}

/** main.tf without comment lines, so that prose cannot satisfy or break a check. */
function code(scaffold: ScaffoldCase): string {
  return scaffold.files['main.tf']
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}

const WORKSPACE_RESOURCE: Record<string, [string, string]> = {
  'sysbox-docker': ['docker_container', 'workspace'],
  'sysbox-kubernetes': ['kubernetes_pod_v1', 'workspace'],
  envbox: ['kubernetes_pod_v1', 'workspace'],
  'rootless-podman': ['kubernetes_pod_v1', 'workspace'],
  'privileged-sidecar-docker': ['docker_container', 'workspace'],
  'privileged-sidecar-kubernetes': ['kubernetes_deployment_v1', 'workspace'],
  'systemd-sysbox': ['kubernetes_pod_v1', 'workspace'],
};

const methodChecks: Record<string, (tf: Json, scaffold: ScaffoldCase) => void> = {
  'sysbox-docker'(tf, scaffold) {
    const workspace = resource(tf, 'docker_container', 'workspace');
    assert.equal(workspace.runtime, 'sysbox-runc');
    assert.deepEqual(privilegedValues(tf.resource), []);
    assert.equal(workspace.image, scaffold.values.image);
    assert.ok(workspace.env.includes('CODER_AGENT_TOKEN=${coder_agent.main.token}'));
  },
  'sysbox-kubernetes'(tf, scaffold) {
    const { spec, metadata } = podSpec(tf);
    assert.equal(spec.runtime_class_name, 'sysbox-runc');
    assert.equal(metadata.annotations['io.kubernetes.cri-o.userns-mode'], 'auto:size=65536');
    assert.deepEqual(privilegedValues(tf.resource), []);
    for (const hostNamespace of ['host_network', 'host_pid', 'host_ipc']) assert.equal(spec[hostNamespace], undefined);
    assert.equal(container(spec, 'dev').image, scaffold.values.image);
  },
  envbox(tf, scaffold) {
    const { spec } = podSpec(tf);
    // As Coder's envbox template: no type check on the host paths, so nodes without /usr/src still start it.
    for (const v of spec.volume.filter((x: { host_path?: unknown }) => x.host_path)) assert.equal(v.host_path[0].type, '', v.name);
    const outer = container(spec, 'dev');
    assert.match(outer.image, /^ghcr\.io\/coder\/envbox/);
    assert.equal(outer.security_context[0].privileged, true);
    const env = envMap(outer);
    assert.equal(env.get('CODER_INNER_IMAGE')?.value, scaffold.values.image);
    assert.equal(env.get('CODER_INNER_USERNAME')?.value, 'coder');
    assert.equal(env.get('CODER_AGENT_TOKEN')?.value, '${coder_agent.main.token}');
    assert.equal(env.get('CODER_AGENT_URL')?.value, '${data.coder_workspace.me.access_url}');
    assert.equal(env.get('CODER_BOOTSTRAP_SCRIPT')?.value, '${coder_agent.main.init_script}');
    assert.equal(env.get('CODER_MOUNTS')?.value, '/home/coder:/home/coder');
    assert.equal(env.get('CODER_CPUS')?.value_from[0].resource_field_ref[0].resource, 'limits.cpu');
    assert.equal(env.get('CODER_MEMORY')?.value_from[0].resource_field_ref[0].resource, 'limits.memory');
    const mounts = new Set((outer.volume_mount as Json[]).map((m) => m.mount_path));
    for (const path of ['/var/lib/coder/docker', '/var/lib/coder/containers', '/var/lib/sysbox', '/var/lib/docker', '/var/lib/containers', '/usr/src', '/lib/modules', '/home/coder']) {
      assert.ok(mounts.has(path), `envbox mount ${path} is missing`);
    }
    const readOnly = (outer.volume_mount as Json[]).filter((m) => m.read_only === true).map((m) => m.mount_path).sort();
    assert.deepEqual(readOnly, ['/lib/modules', '/usr/src']);
    assert.deepEqual(privilegedValues(tf.resource), [true], 'only the outer envbox container is privileged');
  },
  'rootless-podman'(tf, scaffold) {
    const { spec, metadata } = podSpec(tf);
    const dev = container(spec, 'dev');
    assert.equal(dev.image, `${scaffold.values.image}:${scaffold.values.flavour}`);
    assert.equal(dev.resources[0].limits['github.com/fuse'], 1);
    const apparmor = Object.entries(metadata.annotations as Record<string, string>).filter(([key]) =>
      key.startsWith('container.apparmor.security.beta.kubernetes.io/'),
    );
    assert.equal(apparmor.length, 1);
    const [key, value] = apparmor[0];
    assert.equal(value, 'unconfined');
    assert.ok((spec.container as Json[]).some((c) => key.endsWith(`/${c.name}`)), 'the AppArmor annotation names a container of the pod');
    assert.deepEqual(privilegedValues(tf.resource), []);
    assert.equal(spec.runtime_class_name, undefined);
  },
  'privileged-sidecar-docker'(tf, scaffold) {
    const dind = resource(tf, 'docker_container', 'dind');
    const network = resource(tf, 'docker_network', 'workspace');
    const workspace = resource(tf, 'docker_container', 'workspace');
    assert.equal(dind.count, '${data.coder_workspace.me.start_count}');
    assert.equal(network.count, '${data.coder_workspace.me.start_count}');
    assert.equal(dind.privileged, true);
    assert.equal(dind.image, scaffold.values.dindImage);
    assert.equal(workspace.privileged, undefined);
    assert.equal(workspace.network_mode, 'container:${docker_container.dind[0].id}');
    assert.ok(workspace.env.includes('DOCKER_HOST=tcp://127.0.0.1:2375'));
    const hosts = (dind.command as string[]).filter((arg) => arg.startsWith('--host=')).map((arg) => arg.slice('--host='.length));
    assert.ok(hosts.length > 0);
    for (const host of hosts) assert.match(host, /^(tcp:\/\/127\.0\.0\.1:\d+|unix:\/\/)/, `dockerd listens on ${host}`);
    assert.equal(dind.networks_advanced[0].name, '${docker_network.workspace[0].name}');
  },
  'privileged-sidecar-kubernetes'(tf, scaffold) {
    const { spec, kind } = podSpec(tf);
    assert.equal(kind, 'kubernetes_deployment_v1');
    const dev = container(spec, 'dev');
    const docker = container(spec, 'docker');
    assert.equal(docker.image, scaffold.values.dindImage);
    assert.equal(docker.security_context[0].privileged, true);
    assert.equal(dev.security_context, undefined);
    assert.equal(envMap(dev).get('DOCKER_HOST')?.value, 'tcp://127.0.0.1:2375');
    const hosts = (docker.command as string[]).filter((arg) => arg.startsWith('--host=')).map((arg) => arg.slice('--host='.length));
    assert.ok(hosts.length > 0);
    for (const host of hosts) assert.match(host, /^(tcp:\/\/127\.0\.0\.1:\d+|unix:\/\/)/, `dockerd listens on ${host}`);
    assert.deepEqual(privilegedValues(tf.resource), [true], 'only the sidecar is privileged');
  },
  'systemd-sysbox'(tf, scaffold) {
    const { spec, metadata } = podSpec(tf);
    assert.equal(spec.runtime_class_name, 'sysbox-runc');
    assert.equal(metadata.annotations['io.kubernetes.cri-o.userns-mode'], 'auto:size=65536');
    assert.equal(spec.security_context[0].run_as_user, 0);
    assert.equal(spec.security_context[0].fs_group, 0);
    const dev = container(spec, 'dev');
    assert.equal(dev.image, scaffold.values.image);
    const script = (dev.command as string[]).at(-1) ?? '';
    assert.match(script, /exec \/sbin\/init\s*$/);
    assert.match(script, /sudo -u coder .*--preserve-env=CODER_AGENT_TOKEN/);
    assert.equal(envMap(dev).get('CODER_AGENT_INIT_SCRIPT')?.value, '${coder_agent.main.init_script}');
    assert.equal(spec.share_process_namespace, undefined);
    assert.deepEqual(privilegedValues(tf.resource), []);
  },
};

describe('scaffold: rendered templates', () => {
  it('covers the seven methods with default and non-default parameters', () => {
    assert.equal(cases.length, 14);
    assert.deepEqual([...new Set(cases.map((c) => c.method))], METHODS.map((m) => m.id));
  });

  for (const scaffold of cases) {
    describe(scaffold.title, () => {
      it('writes main.tf and README.md', () => {
        assert.deepEqual(Object.keys(scaffold.files), ['main.tf', 'README.md']);
      });

      it('lints with no error or warning (every rule, hcl-syntax included) and is detected as its method', async () => {
        await initParser();
        const module = new TemplateModule('/virtual/scaffold', [new TfFile('/virtual/scaffold/main.tf', scaffold.files['main.tf'])]);
        const findings = await lintModuleFully(module);
        assert.deepEqual(
          findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`),
          [],
        );
        assert.equal(detectMethod(module)?.id, scaffold.method);
      });

      it('parses with the Go HCL parser', async () => {
        await parseMainTf(scaffold);
      });

      it('pins provider ranges and declares the coder data sources', async () => {
        const tf = await parseMainTf(scaffold);
        const providers = tf.terraform[0].required_providers[0];
        assert.deepEqual(providers.coder, { source: 'coder/coder', version: '~> 2.17' });
        const platform = methodById(scaffold.method)!.platform;
        if (platform === 'kubernetes') {
          assert.deepEqual(providers.kubernetes, { source: 'hashicorp/kubernetes', version: '~> 3.0' });
          assert.equal(providers.docker, undefined);
        } else {
          // docker 4.x is current and its schema is bundled (docs/schemas.md).
          assert.deepEqual(providers.docker, { source: 'kreuzwerker/docker', version: '~> 4.0' });
          assert.equal(providers.kubernetes, undefined);
        }
        for (const data of ['coder_provisioner', 'coder_workspace', 'coder_workspace_owner']) {
          assert.ok(tf.data[data]?.me, `data "${data}" "me" is missing`);
        }
      });

      it('has an agent without dir, with the provisioner arch and a startup script', async () => {
        const tf = await parseMainTf(scaffold);
        const agent = resource(tf, 'coder_agent', 'main');
        assert.equal(agent.dir, undefined);
        assert.equal(agent.arch, '${data.coder_provisioner.me.arch}');
        assert.equal(agent.os, 'linux');
        assert.ok(typeof agent.startup_script === 'string' && agent.startup_script.trim().length > 0);
      });

      it('counts the workspace resources with start_count and indexes every reference to them', async () => {
        const tf = await parseMainTf(scaffold);
        const [type, name] = WORKSPACE_RESOURCE[scaffold.method];
        assert.equal(resource(tf, type, name).count, '${data.coder_workspace.me.start_count}');
        const counted: string[] = [];
        for (const [resourceType, byName] of Object.entries(tf.resource as Json)) {
          for (const [resourceName, blocks] of Object.entries(byName as Json)) {
            if ((blocks as Json[])[0].count !== undefined) counted.push(`${resourceType}.${resourceName}`);
          }
        }
        assert.ok(counted.includes(`${type}.${name}`));
        const text = code(scaffold);
        for (const address of counted) {
          const unindexed = new RegExp(`\\b${address.replace('.', '\\.')}(?![\\w\\[])`, 'g');
          assert.deepEqual(text.match(unindexed) ?? [], [], `${address} is referenced without [0]`);
        }
      });

      it('keeps the home folder on storage that outlives the workspace container', async () => {
        const tf = await parseMainTf(scaffold);
        const home = tf.resource.kubernetes_persistent_volume_claim_v1?.home?.[0] ?? tf.resource.docker_volume?.home?.[0];
        assert.ok(home, 'no persistent home volume');
        assert.equal(home.count, undefined, 'the home volume must survive a stop');
      });

      it('uses only current forms', () => {
        const text = code(scaffold);
        assert.doesNotMatch(text, /data\.coder_workspace\.\w+\.owner/);
        assert.doesNotMatch(text, /0\.0\.0\.0/);
        assert.doesNotMatch(text, /"kubernetes_(pod|deployment|persistent_volume_claim)"/);
        assert.doesNotMatch(scaffold.files['main.tf'], /^\s*dir\s*=/m);
        assert.doesNotMatch(scaffold.files['main.tf'], /var\.workspaces_namespace/);
      });

      it('declares every variable it uses', async () => {
        const tf = await parseMainTf(scaffold);
        const declared = new Set(Object.keys(tf.variable ?? {}));
        for (const [, used] of code(scaffold).matchAll(/\bvar\.(\w+)/g)) assert.ok(declared.has(used), `var.${used} is not declared`);
      });

      it('puts the parameters where they belong', async () => {
        const tf = await parseMainTf(scaffold);
        assert.ok(scaffold.files['main.tf'].startsWith(`# ${scaffold.values.name}: `));
        if (scaffold.values.namespace !== undefined) {
          assert.equal(tf.variable.namespace[0].default, scaffold.values.namespace);
          // CPU, memory and the home disk are the user's choices when they create a workspace, as in
          // Coder's own Kubernetes template: parameters whose defaults come from the scaffold.
          assert.equal(tf.data.coder_parameter.cpu[0].default, scaffold.values.cpu);
          assert.equal(tf.data.coder_parameter.memory[0].default, scaffold.values.memory);
          assert.equal(tf.data.coder_parameter.home_disk_size[0].mutable, false);
          assert.equal(tf.variable.cpu, undefined);
        }
        assert.ok(scaffold.files['README.md'].includes(`coder templates push ${scaffold.values.name} -d .`));
      });

      it("has what Coder's official templates have: IDE modules, git identity, host metadata", async () => {
        const tf = await parseMainTf(scaffold);
        const codeServer = tf.module['code-server'][0];
        assert.equal(codeServer.source, 'registry.coder.com/coder/code-server/coder');
        assert.equal(codeServer.version, '~> 1.0');
        assert.equal(codeServer.count, '${data.coder_workspace.me.start_count}');
        const official = methodById(scaffold.method)!.platform === 'docker' || scaffold.method === 'envbox';
        assert.equal(tf.module.jetbrains !== undefined, official, 'jetbrains where the official template for the platform has it');
        const agent = tf.resource.coder_agent.main[0];
        assert.deepEqual(Object.keys(agent.env).sort(), ['GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_COMMITTER_NAME']);
        const keys = agent.metadata.map((m: { key: string }) => m.key);
        for (const key of ['cpu', 'mem', 'home', 'cpu_host', 'mem_host', 'load_host', 'swap_host', 'engine']) assert.ok(keys.includes(key), key);
      });

      it("has the method's specifics", async () => {
        methodChecks[scaffold.method](await parseMainTf(scaffold), scaffold);
      });

      it('is laid out like terraform fmt and renders the same text every time', () => {
        const text = scaffold.files['main.tf'];
        assert.equal(formatHcl(text), text);
        assert.doesNotMatch(text, /\t/);
        assert.doesNotMatch(text, /[ ]+$/m);
        assert.doesNotMatch(text, /\n\n\n/);
        const again = renderScaffold({ method: scaffold.method, parameters: scaffold.parameters });
        assert.equal(again.files.find((f) => f.path === 'main.tf')?.content, text);
      });
    });
  }
});

describe('scaffold: parameters', () => {
  it('accepts every default', () => {
    for (const method of METHODS) {
      for (const parameter of method.parameters) {
        assert.equal(checkParameter(parameter, parameter.default), undefined, `${method.id}.${parameter.name}`);
      }
    }
  });

  it('rejects template names of 32 characters or more, as Coder does', () => {
    const ok = renderScaffold({ method: 'envbox', parameters: { name: 'a'.repeat(31) } });
    assert.equal(ok.errors, undefined);
    const tooLong = renderScaffold({ method: 'envbox', parameters: { name: 'a'.repeat(32) } });
    assert.deepEqual(tooLong.files, []);
    assert.match(tooLong.errors?.name ?? '', /32/);
  });

  it('rejects unsafe template names', () => {
    for (const name of ['My Template', 'UPPER', '-lead', 'trail-', 'a--b', 'a"b', '']) {
      assert.ok(renderScaffold({ method: 'sysbox-docker', parameters: { name } }).errors?.name, name);
    }
  });

  it('rejects namespaces that are not DNS labels', () => {
    for (const namespace of ['Dev', 'dev_ws', '-dev', 'dev-', 'a'.repeat(64), 'dev.ws', '']) {
      const result = renderScaffold({ method: 'sysbox-kubernetes', parameters: { namespace } });
      assert.ok(result.errors?.namespace, namespace);
      assert.deepEqual(result.files, []);
    }
    assert.equal(renderScaffold({ method: 'sysbox-kubernetes', parameters: { namespace: 'a'.repeat(63) } }).errors, undefined);
  });

  it('rejects image references that are not images or would break out of the Terraform string', () => {
    for (const image of ['ubuntu"; privileged = true #', 'img:${var.x}', 'Ubuntu', 'with space', '']) {
      assert.ok(renderScaffold({ method: 'sysbox-docker', parameters: { image } }).errors?.image, image);
    }
    assert.ok(renderScaffold({ method: 'rootless-podman', parameters: { image: 'ghcr.io/coder/podman:ubuntu' } }).errors?.image);
    assert.ok(renderScaffold({ method: 'privileged-sidecar-docker', parameters: { dindImage: 'docker:28' } }).errors?.dindImage);
  });

  it('checks CPU, memory and the podman flavour', () => {
    assert.ok(renderScaffold({ method: 'envbox', parameters: { cpu: '0' } }).errors?.cpu);
    assert.ok(renderScaffold({ method: 'envbox', parameters: { cpu: 'two' } }).errors?.cpu);
    assert.ok(renderScaffold({ method: 'envbox', parameters: { memory: '4096' } }).errors?.memory);
    assert.ok(renderScaffold({ method: 'rootless-podman', parameters: { flavour: 'arch' } }).errors?.flavour);
    assert.equal(renderScaffold({ method: 'rootless-podman', parameters: CUSTOM_PARAMETERS['rootless-podman'] }).errors, undefined);
  });

  it('names unknown methods and parameters', () => {
    const unknown = renderScaffold({ method: 'docker-socket', parameters: {} });
    assert.match(unknown.errors?.method ?? '', /sysbox-docker/);
    const stray = renderScaffold({ method: 'sysbox-docker', parameters: { namespace: 'dev' } });
    assert.match(stray.errors?.namespace ?? '', /has no parameter/);
  });
});
