import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { initParser } from '../../server/src/model/parser';
import { LanguageService } from '../../server/src/service/languageService';
import { FileSystem, nodeFileSystem } from '../../server/src/service/fileSystem';
import { positionOf } from '../helpers/editorCases';

const VARIABLES = 'variable "namespace" {\n  type    = string\n  default = "coder"\n}\n';
const MAIN = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  count    = data.coder_workspace.me.start_count
  image    = "codercom/enterprise-base:ubuntu"
  runtime  = "sysbox-runc"
  hostname = var.namespace
  env      = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", "DOCK"]
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
}
`;

/** The real file system until `forbid` is set; after that every call is recorded and throws. */
class GuardedFs implements FileSystem {
  forbid = false;
  readonly calls: string[] = [];
  private check(op: string, p: string): void {
    if (!this.forbid) return;
    this.calls.push(`${op} ${p}`);
    throw new Error(`file access during a request: ${op} ${p}`);
  }
  readFile(p: string): Buffer {
    this.check('readFile', p);
    return nodeFileSystem.readFile(p);
  }
  stat(p: string) {
    this.check('stat', p);
    return nodeFileSystem.stat(p);
  }
  readdir(p: string): string[] {
    this.check('readdir', p);
    return nodeFileSystem.readdir(p);
  }
}

describe('completion and hover answer from memory', () => {
  before(() => initParser());

  it('make no file access once the documents are open and linted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-noio-'));
    writeFileSync(path.join(dir, 'variables.tf'), VARIABLES); // on disk only: read while linting
    const file = path.join(dir, 'main.tf');
    writeFileSync(file, MAIN);
    const uri = pathToFileURL(file).href;
    const fs = new GuardedFs();
    const service = new LanguageService({ publish: () => undefined, log: () => undefined, settings: async () => ({ rules: {} }), debounceMs: 0, syntaxDebounceMs: 0, fs });
    service.didOpen(uri, MAIN, 1);
    await service.flush();
    fs.forbid = true;

    const varItems = service.completion({ textDocument: { uri }, position: positionOf(MAIN, 'var.namespace', 4) });
    assert.deepEqual(varItems.map((i) => i.label), ['namespace'], 'the variable from the closed file comes from memory');
    const agentItems = service.completion({ textDocument: { uri }, position: positionOf(MAIN, 'coder_agent.main.token', 17) });
    assert.ok(agentItems.some((i) => i.label === 'token'));
    const envItems = service.completion({ textDocument: { uri }, position: positionOf(MAIN, '"DOCK"', 5) });
    assert.ok(envItems.some((i) => i.label === 'DOCKER_HOST'));
    const attributeItems = service.completion({ textDocument: { uri }, position: positionOf(MAIN, '  entrypoint', 0) });
    assert.ok(attributeItems.some((i) => i.label === 'privileged'));

    const variable = service.hover(uri, positionOf(MAIN, 'var.namespace', 5));
    assert.match(JSON.stringify(variable?.contents), /Declared in `variables\.tf`/);
    const method = service.hover(uri, positionOf(MAIN, 'resource "docker_container"', 2));
    assert.match(JSON.stringify(method?.contents), /Sysbox container runtime \(Docker\)/);
    const runtime = service.hover(uri, positionOf(MAIN, '"sysbox-runc"', 3));
    assert.match(JSON.stringify(runtime?.contents), /Sysbox/);

    assert.deepEqual(fs.calls, []);
    service.dispose();
  });
});
