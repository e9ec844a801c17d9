import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../helpers/lspClient';
import { hoverText, moduleDir, openAt, positionOf } from '../helpers/editorCases';

const VARIABLES = `variable "namespace" {
  type        = string
  default     = "coder-workspaces"
  description = "Namespace the workspace pods run in."
}
`;

const ENVBOX = `data "coder_workspace" "me" {}

locals {
  inner_image = "codercom/enterprise-base:ubuntu"
}

module "code_server" {
  source = "registry.coder.com/coder/code-server/coder"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-\${data.coder_workspace.me.owner}"
    namespace = var.namespace
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
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
        name  = "CODER_INNER_IMAGE"
        value = local.inner_image
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}

resource "docker_container" "sidecar" {
  image = "docker:dind"
  env   = ["DOCKER_HOST=tcp://localhost:2375", "X=\${module.code_server.id}"]
}
`;

describe('hover over LSP', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  let text: string;
  const at = (needle: string, delta = 0, n = 0) => hoverText(client, uri, positionOf(text, needle, delta, n));

  before(async () => {
    client = new TestClient();
    await client.initialize();
    dir = moduleDir();
    // variables.tf is only on disk: the module reads it, the editor never opened it.
    writeFileSync(path.join(dir, 'variables.tf'), VARIABLES);
    ({ uri, text } = await openAt(client, dir, 'main.tf', ENVBOX));
  });
  after(() => client.dispose());

  it('describes an attribute: type, status, deprecation and docs link', async () => {
    const h = await at('dir  =', 1);
    assert.ok(h);
    assert.match(h.text, /^\*\*dir\*\* · `string` · optional · deprecated/);
    assert.match(h.text, /\*\*Deprecated\*\* by the provider/);
    assert.match(h.text, /Deprecated since coder provider 2\.17\.0/);
    // The release in use, and the argument's own anchor on its page.
    assert.match(h.text, /\[Documentation\]\(https:\/\/registry\.terraform\.io\/providers\/coder\/coder\/2\.17\.0\/docs\/resources\/agent#dir\)/);
    assert.deepEqual(h.hover.range, { start: { line: 13, character: 2 }, end: { line: 13, character: 5 } });
  });

  it('lists allowed values of an attribute', async () => {
    const h = await at('arch =', 1);
    assert.match(h!.text, /Allowed values: `"amd64"`, `"armv7"`, `"arm64"`/);
  });

  it('describes a nested block', async () => {
    const h = await at('security_context {', 2);
    assert.match(h!.text, /^\*\*security_context\*\* · block · at most one/);
    assert.match(h!.text, /privileged = true/);
    assert.match(h!.text, /docs\/resources\/pod#nestedblock--spec--container--security_context\)/);
  });

  it('describes a resource type, with its deprecation and replacement', async () => {
    const h = await at('"docker_container"', 3);
    assert.match(h!.text, /\*\*resource\*\* `docker_container` · `kreuzwerker\/docker 4\.5\.0`/);
    assert.match(h!.text, /Required: `image`, `name`/);
    const pod = await at('resource "kubernetes_pod"', 12);
    assert.match(pod!.text, /\*\*Deprecated\*\* by the provider\. It names `kubernetes_pod_v1` as the replacement\./);
  });

  it('shows the detected method on the workspace resource', async () => {
    const h = await at('resource "kubernetes_pod"', 2);
    assert.ok(h);
    assert.match(h.text, /^\*\*Docker in workspace: Envbox\*\* \(detected from this resource\)/);
    assert.match(h.text, /\*\*Requirements\*\*\n- /);
    assert.match(h.text, /\*\*Limitations\*\*\n- /);
    assert.match(h.text, /\[Method documentation\]\(https:\/\/coder\.com\/docs\/admin\/templates\/extending-templates\/docker-in-workspaces#envbox\)/);
    // The range covers the header up to the last label.
    assert.deepEqual(h.hover.range, { start: { line: 16, character: 0 }, end: { line: 16, character: 32 } });
    // Other resources do not get it.
    const other = await at('resource "docker_container"', 2);
    assert.doesNotMatch(other!.text, /Docker in workspace/);
  });

  it('explains env names: envbox in a Kubernetes env block, Docker in a "K=V" string', async () => {
    const inner = await at('"CODER_INNER_IMAGE"', 5);
    assert.match(inner!.text, /^\*\*CODER_INNER_IMAGE\*\* · read by envbox \(outer container\) · required/);
    const token = await at('"CODER_AGENT_TOKEN"', 5);
    assert.match(token!.text, /read by envbox/, 'the envbox meaning, since this is an envbox container');
    const dockerHost = await at('"DOCKER_HOST=', 4);
    assert.match(dockerHost!.text, /^\*\*DOCKER_HOST\*\* · read by Docker/);
    assert.match(dockerHost!.text, /localhost:2375/);
  });

  it('explains known values and map keys', async () => {
    const image = await at('ghcr.io/coder/envbox', 3);
    assert.match(image!.text, /Envbox outer container: must be privileged/);
    const annotation = await at('io.kubernetes.cri-o', 3);
    assert.match(annotation!.text, /Usual value: `"auto:size=65536"`/);
  });

  it('shows a variable declared in a file that is not open: type, default, description, file and line', async () => {
    const h = await at('var.namespace', 6);
    assert.ok(h);
    assert.match(h.text, /^\*\*variable\*\* `namespace`/);
    assert.match(h.text, /Namespace the workspace pods run in\./);
    assert.match(h.text, /Type: `string`/);
    assert.match(h.text, /Default: `"coder-workspaces"`/);
    assert.match(h.text, /Declared in `variables\.tf`, line 1\./);
    assert.deepEqual(h.hover.range, { start: { line: 20, character: 16 }, end: { line: 20, character: 29 } });
  });

  it('shows locals, resources, data sources and modules behind references', async () => {
    const local = await at('local.inner_image', 7);
    assert.match(local!.text, /^\*\*local\*\* `inner_image`\n\n```hcl\n"codercom\/enterprise-base:ubuntu"\n```/);
    assert.match(local!.text, /Declared in `main\.tf`, line 4\./);
    const agent = await at('coder_agent.main.token', 13);
    assert.match(agent!.text, /^\*\*resource\*\* `coder_agent\.main`/);
    const data = await at('data.coder_workspace.me.start_count', 16);
    assert.match(data!.text, /^\*\*data source\*\* `coder_workspace\.me`/);
    const module = await at('module.code_server', 9);
    // A module from Coder's registry: what the index knows of it.
    assert.match(module!.text, /^\*\*module\*\* `code_server` · code-server \(`code-server`\) from Coder's registry/);
    assert.match(module!.text, /- `agent_id` · string · required/);
  });

  it('describes the attribute a reference reads, and says when it was removed and what replaces it', async () => {
    const token = await at('coder_agent.main.token', 19);
    assert.match(token!.text, /^\*\*token\*\* of `coder_agent\.main` · `string` · read-only · sensitive/);
    const owner = await at('me.owner', 5);
    assert.match(owner!.text, /^\*\*owner\*\* of `data\.coder_workspace\.me`/);
    assert.match(owner!.text, /\*\*Removed\*\* in `coder\/coder 2\.0\.0`\. Use `data\.coder_workspace_owner\.<name>\.name` instead\./);
  });

  it('gives nothing on plain punctuation', async () => {
    assert.equal(await at('{}'), undefined);
  });
});
