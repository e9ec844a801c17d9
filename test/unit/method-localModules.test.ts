import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { methodCodeLenses } from '../../server/src/features/codeLens';
import { detectMethod } from '../../server/src/model/method';
import { initParser } from '../../server/src/model/parser';
import { toModule } from '../helpers/ruleTester';

/** A template whose Docker daemon runs in a privileged docker:dind sidecar declared in a local module. */
const TEMPLATE = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

module "dind" {
  source   = "./modules/dind"
  network  = docker_network.ws.name
  for_name = data.coder_workspace.me.id
}

resource "docker_network" "ws" {
  name = "ws-\${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  name       = "ws-\${data.coder_workspace.me.id}"
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", "DOCKER_HOST=tcp://dind:2375"]
  networks_advanced {
    name = docker_network.ws.name
  }
}
`;

const DIND = `variable "network" {
  type = string
}

variable "for_name" {
  type = string
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  name       = "dind-\${var.for_name}"
  privileged = true
  networks_advanced {
    name    = var.network
    aliases = ["dind"]
  }
}
`;

describe('the method of a template through its local modules', () => {
  before(() => initParser());

  it('a privileged docker:dind sidecar in ./modules/dind makes the caller a privileged-sidecar-docker template', () => {
    const module = toModule({ 'main.tf': TEMPLATE, 'modules/dind/main.tf': DIND });
    const method = detectMethod(module);
    assert.equal(method?.id, 'privileged-sidecar-docker');
    assert.equal(method?.container.resource.name, 'docker_container.workspace', 'the workspace container shows the method');
  });

  it('without the module block, or with a module folder that is missing, the template has no method', () => {
    assert.equal(detectMethod(toModule({ 'main.tf': TEMPLATE.replace('./modules/dind', './modules/gone'), 'modules/dind/main.tf': DIND })), null);
  });

  it('a method decided inside the module is shown on the module block of the caller', () => {
    // Only the sidecar's folder knows a container: the method's container is the child's, reached through the call.
    const template = TEMPLATE.slice(0, TEMPLATE.indexOf('resource "docker_container" "workspace"'));
    const module = toModule({ 'main.tf': template, 'modules/dind/main.tf': DIND });
    const method = detectMethod(module);
    assert.equal(method?.id, 'privileged-sidecar-docker');
    assert.equal(method?.via?.name, 'dind');
    const main = module.files.find((f) => f.path.endsWith('/main.tf') && !f.path.includes('modules'))!;
    const lenses = methodCodeLenses(module, main);
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, template.split('\n').findIndex((l) => l.startsWith('module "dind"')));
    assert.match(lenses[0].command!.title, /^Docker in workspace: .* · docs$/);
  });
});
