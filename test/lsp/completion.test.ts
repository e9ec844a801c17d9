import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { complete, item, labels, moduleDir, newText, openAt } from '../helpers/editorCases';

const AGENT = `data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

variable "namespace" {
  type    = string
  default = "coder"
}

locals {
  home = "/home/coder"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const SYSBOX_DOCKER = `${AGENT}
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "<|>"
  runtime    = "sysbox-runc"
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`;

const ENVBOX = `${AGENT}
resource "kubernetes_pod" "main" {
  metadata {
    name = "envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name = "<|>"
      }
    }
  }
}
`;

describe('completion over LSP', () => {
  let client: TestClient;
  let root: string;
  let n = 0;
  const open = (text: string) => openAt(client, `${root}/case${++n}`, 'main.tf', text);

  before(async () => {
    client = new TestClient();
    await client.initialize();
    root = moduleDir();
  });
  after(() => client.dispose());

  it('offers the top-level block types as snippets', async () => {
    const { uri, position } = await open(`${AGENT}\n<|>`);
    const items = await complete(client, uri, position);
    assert.deepEqual(labels(items), ['resource', 'data', 'variable', 'locals', 'output', 'module', 'provider', 'terraform']);
    const resource = item(items, 'resource');
    assert.equal(resource.kind, CompletionItemKind.Keyword);
    assert.equal(resource.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(newText(resource), 'resource "$1" "${2:name}" {\n\t$0\n}');
    assert.equal(resource.command?.command, 'editor.action.triggerSuggest');
  });

  it('offers resource types after an unclosed `resource "` and inserts the block with its required attributes', async () => {
    const { uri, position } = await open(`${AGENT}\nresource "<|>`);
    const items = await complete(client, uri, position, '"');
    const names = labels(items);
    for (const t of ['coder_agent', 'coder_script', 'docker_container', 'kubernetes_pod_v1', 'kubernetes_deployment_v1']) assert.ok(names.includes(t), t);
    assert.ok(!names.includes('coder_workspace'), 'data sources are not resource types');
    const agent = item(items, 'coder_agent');
    assert.equal(agent.kind, CompletionItemKind.Class);
    assert.equal(agent.insertTextFormat, InsertTextFormat.Snippet);
    // The closing quote was missing: the completion writes it, then the name and the required attributes as tab stops.
    assert.equal(newText(agent), 'coder_agent" "${1:main}" {\n\tarch = "${2|amd64,armv7,arm64|}"\n\tos   = "${3|linux,darwin,windows|}"\n\t$0\n}');
    assert.match(JSON.stringify(agent.documentation), /registry\.terraform\.io\/providers\/coder\/coder/);
    const pod = item(items, 'kubernetes_pod');
    assert.deepEqual(pod.tags, [CompletionItemTag.Deprecated]);
    // Required nested blocks come too.
    assert.equal(newText(item(items, 'kubernetes_pod_v1')), 'kubernetes_pod_v1" "${1:main}" {\n\tmetadata {\n\t}\n\tspec {\n\t}\n\t$0\n}');
    assert.equal(newText(item(items, 'coder_script')), 'coder_script" "${1:main}" {\n\tagent_id     = "${2}"\n\tdisplay_name = "${3}"\n\tscript       = "${4}"\n\t$0\n}');
  });

  it('offers data source types after `data "` and only the type when the header goes on', async () => {
    const { uri, position } = await open(`data "coder_<|>" "me" {}\n`);
    const items = await complete(client, uri, position);
    const names = labels(items);
    assert.ok(names.includes('coder_workspace') && names.includes('coder_workspace_owner') && names.includes('coder_parameter'));
    assert.ok(!names.includes('coder_agent'));
    assert.equal(newText(item(items, 'coder_workspace')), 'coder_workspace');
  });

  it('offers attributes and blocks inside a block: required first, set ones left out, deprecated tagged, removed never', async () => {
    const { uri, position } = await open(`resource "coder_agent" "main" {\n  os = "linux"\n  <|>\n}\n`);
    const items = await complete(client, uri, position);
    const names = labels(items);
    assert.ok(!names.includes('os'), 'already set');
    assert.ok(!names.includes('login_before_ready') && !names.includes('startup_script_timeout'), 'removed attributes are never offered');
    assert.ok(!names.includes('token') && !names.includes('init_script'), 'read-only attributes are not settable');
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0]?.label, 'arch', 'the required attribute sorts first');
    assert.deepEqual(item(items, 'dir').tags, [CompletionItemTag.Deprecated]);
    assert.equal(item(items, 'arch').detail, 'string · required');
    assert.equal(newText(item(items, 'startup_script_behavior')), 'startup_script_behavior = "${1}"');
    assert.equal(item(items, 'startup_script_behavior').command?.command, 'editor.action.triggerSuggest');
    const displayApps = item(items, 'display_apps');
    assert.equal(displayApps.kind, CompletionItemKind.Struct);
    assert.equal(newText(displayApps), 'display_apps {\n\t$0\n}');
    assert.equal(item(items, 'count').detail, 'number · optional · meta-argument');
  });

  it("offers the bodies of Terraform's own blocks: lifecycle, variable, required_providers", async () => {
    const lifecycle = await open(`resource "docker_volume" "home" {\n  lifecycle {\n    <|>\n  }\n}\n`);
    assert.ok(labels(await complete(client, lifecycle.uri, lifecycle.position)).includes('prevent_destroy'));
    const variable = await open(`variable "namespace" {\n  type = string\n  <|>\n}\n`);
    const variableItems = labels(await complete(client, variable.uri, variable.position));
    assert.ok(variableItems.includes('default') && variableItems.includes('validation') && !variableItems.includes('type'));
    const providers = await open(`terraform {\n  required_providers {\n    docker = { source = "kreuzwerker/docker" }\n    <|>\n  }\n}\n`);
    const providerItems = await complete(client, providers.uri, providers.position);
    assert.deepEqual(labels(providerItems), ['coder', 'kubernetes']);
    assert.equal(newText(item(providerItems, 'kubernetes')), 'kubernetes = {\n\tsource  = "hashicorp/kubernetes"\n\tversion = "${1:>= 2.16.0}"\n}');
  });

  it('still completes a block while another block of the file has a syntax error', async () => {
    const text = `variable "broken" {\n  default = \n}\n\nresource "docker_container" "workspace" {\n  image = "codercom/enterprise-base:ubuntu"\n  <|>\n}\n`;
    const { uri, position } = await open(text);
    const items = await complete(client, uri, position);
    const names = labels(items);
    assert.ok(names.includes('name') && names.includes('runtime') && names.includes('privileged'));
    assert.ok(!names.includes('image'), 'already set');
  });

  it('completes an attribute name while the same block is half typed (tree has an error at the cursor)', async () => {
    const { uri, position } = await open(`resource "coder_agent" "main" {\n  os = "linux"\n  startup_sc<|>\n  dir = "/home/coder"\n}\n`);
    const items = await complete(client, uri, position);
    const names = labels(items);
    assert.ok(names.includes('startup_script') && names.includes('startup_script_behavior') && names.includes('arch'));
    assert.ok(!names.includes('os') && !names.includes('dir'), 'names set before and after the cursor are left out');
    assert.deepEqual(item(items, 'startup_script').textEdit && 'range' in item(items, 'startup_script').textEdit! ? (item(items, 'startup_script').textEdit as { range: unknown }).range : undefined, {
      start: { line: 2, character: 2 },
      end: { line: 2, character: 12 },
    });
  });

  it('offers sysbox-runc for runtime and runtime_class_name', async () => {
    const docker = await open(`resource "docker_container" "workspace" {\n  runtime = "<|>"\n}\n`);
    const items = await complete(client, docker.uri, docker.position, '"');
    assert.deepEqual(labels(items), ['sysbox-runc']);
    assert.equal(newText(items[0]!), 'sysbox-runc');
    const k8s = await open(`resource "kubernetes_deployment_v1" "main" {\n  spec {\n    template {\n      spec {\n        runtime_class_name = "<|>\n      }\n    }\n  }\n}\n`);
    const k8sItems = await complete(client, k8s.uri, k8s.position);
    assert.deepEqual(labels(k8sItems), ['sysbox-runc']);
    assert.equal(newText(k8sItems[0]!), 'sysbox-runc"', 'the missing closing quote is added');
    // Outside quotes the value comes quoted, with a space after `=`.
    const bare = await open(`resource "docker_container" "workspace" {\n  runtime =<|>\n}\n`);
    const bareItems = await complete(client, bare.uri, bare.position, '=');
    assert.deepEqual(labels(bareItems), ['"sysbox-runc"']);
    assert.equal(newText(bareItems[0]!), ' "sysbox-runc"');
  });

  it('offers os, arch and startup_script_behavior values', async () => {
    for (const [attribute, expected] of [
      ['os', ['linux', 'darwin', 'windows']],
      ['arch', ['amd64', 'armv7', 'arm64']],
      ['startup_script_behavior', ['blocking', 'non-blocking']],
    ] as const) {
      const { uri, position } = await open(`resource "coder_agent" "main" {\n  ${attribute} = "<|>"\n}\n`);
      assert.deepEqual(labels(await complete(client, uri, position)).sort(), [...expected].sort(), attribute);
    }
  });

  it('offers images, the ones of the detected method first', async () => {
    const { uri, position } = await open(SYSBOX_DOCKER);
    const items = await complete(client, uri, position);
    const base = item(items, 'codercom/enterprise-base:ubuntu');
    assert.equal(base.sortText?.[0], '0');
    assert.match(base.detail ?? '', /Sysbox container runtime \(Docker\)/);
    assert.equal(item(items, 'docker:dind').sortText?.[0], '1');
    assert.ok(labels(items).includes('ghcr.io/coder/envbox:latest'));
  });

  it('offers annotation keys with the pod container name and limit keys', async () => {
    const pod = `resource "kubernetes_pod" "main" {\n  metadata {\n    annotations = {\n      <|>\n    }\n  }\n  spec {\n    container {\n      name  = "dev"\n      image = "codercom/enterprise-podman"\n      resources {\n        limits = {\n        }\n      }\n    }\n  }\n}\n`;
    const { uri, position } = await open(pod);
    const items = await complete(client, uri, position);
    assert.deepEqual(labels(items), ['io.kubernetes.cri-o.userns-mode', 'container.apparmor.security.beta.kubernetes.io/dev']);
    assert.equal(newText(item(items, 'container.apparmor.security.beta.kubernetes.io/dev')), '"container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"');
    const limits = await open(pod.replace('<|>', '').replace('limits = {\n', 'limits = {\n          "<|>\n'));
    const limitItems = await complete(client, limits.uri, limits.position, '"');
    assert.deepEqual(labels(limitItems), ['cpu', 'memory', 'github.com/fuse', 'ephemeral-storage']);
    assert.equal(newText(item(limitItems, 'github.com/fuse')), 'github.com/fuse" = 1');
  });

  it('offers envbox env names in a Kubernetes env block, required ones first and set ones left out', async () => {
    const { uri, position } = await open(ENVBOX);
    const items = await complete(client, uri, position, '"');
    const names = labels(items);
    assert.ok(names.includes('CODER_INNER_IMAGE') && names.includes('CODER_INNER_USERNAME') && names.includes('DOCKER_HOST'));
    assert.ok(!names.includes('CODER_AGENT_TOKEN'), 'already set in this container');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted.slice(0, 2).map((i) => i.label), ['CODER_INNER_IMAGE', 'CODER_INNER_USERNAME']);
    assert.match(JSON.stringify(item(items, 'CODER_INNER_IMAGE').documentation), /github\.com\/coder\/envbox/);
  });

  it('offers env names as `K=` in a docker env list string', async () => {
    const { uri, position } = await open(`resource "docker_container" "workspace" {\n  env = [\n    "CODER_AGENT_TOKEN=x",\n    "DOCKER_<|>\n  ]\n}\n`);
    const items = await complete(client, uri, position);
    const dockerHost = item(items, 'DOCKER_HOST');
    assert.equal(newText(dockerHost), 'DOCKER_HOST=$0"');
    assert.match(JSON.stringify(dockerHost.documentation), /localhost:2375/);
  });

  describe('references', () => {
    const refs = async (expression: string, trigger = '.') => {
      const { uri, position } = await open(`${AGENT}\nresource "docker_container" "workspace" {\n  hostname = ${expression}<|>\n}\n`);
      return complete(client, uri, position, trigger);
    };

    it('var. and local.', async () => {
      const vars = await refs('var.');
      assert.deepEqual(labels(vars), ['namespace']);
      assert.equal(vars[0]!.kind, CompletionItemKind.Variable);
      assert.equal(vars[0]!.detail, 'variable · string');
      assert.deepEqual(labels(await refs('local.')), ['home']);
    });

    it('data., data.<type>. and data.<type>.<name>. without removed attributes', async () => {
      assert.deepEqual(labels(await refs('data.')), ['coder_workspace', 'coder_workspace_owner']);
      assert.deepEqual(labels(await refs('data.coder_workspace.')), ['me']);
      const workspace = labels(await refs('data.coder_workspace.me.'));
      assert.ok(workspace.includes('start_count') && workspace.includes('access_url') && workspace.includes('name'));
      assert.ok(!workspace.some((name) => name.startsWith('owner')), 'removed owner attributes are never offered');
      const owner = labels(await refs('data.coder_workspace_owner.me.'));
      assert.ok(owner.includes('name') && owner.includes('email') && owner.includes('session_token'));
    });

    it('<resource_type>. and coder_agent.<name>.', async () => {
      assert.deepEqual(labels(await refs('coder_agent.')), ['main']);
      const agent = await refs('coder_agent.main.');
      const sorted = [...agent].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
      assert.deepEqual(sorted.slice(0, 3), ['id', 'init_script', 'token'], 'exported attributes first');
      assert.ok(!sorted.includes('login_before_ready'));
      assert.equal(item(agent, 'token').detail, 'string · read-only · sensitive');
    });

    it('never offers a label that is no identifier: it would not parse after the `.`', async () => {
      const labelled = `${AGENT}variable "\uFFFDme" {}\nvariable "image\u{1E030}" {}\ndata "coder_workspace" "\uFFFDme" {}\nresource "coder_agent" "dev\u{1E030}" {}\nresource "\uFFFD_thing" "x" {}\n`;
      const at = async (expression: string) => {
        const { uri, position } = await open(`${labelled}\nresource "docker_container" "workspace" {\n  hostname = ${expression}<|>\n}\n`);
        return labels(await complete(client, uri, position, '.'));
      };
      assert.deepEqual(await at('var.'), ['namespace']);
      assert.deepEqual(await at('data.coder_workspace.'), ['me']);
      assert.deepEqual(await at('coder_agent.'), ['main']);
      const { uri, position } = await open(`${labelled}\nresource "docker_container" "workspace" {\n  hostname = <|>\n}\n`);
      const roots = labels(await complete(client, uri, position));
      assert.ok(roots.includes('coder_agent') && !roots.includes('\uFFFD_thing'), roots.join(', '));
    });

    it('inside an interpolation, and only for the `.` trigger', async () => {
      assert.deepEqual(labels(await refs('"coder-${data.coder_workspace_owner.me.na')).includes('name'), true);
      assert.deepEqual(await refs('var.', '"'), []);
    });
  });
});
