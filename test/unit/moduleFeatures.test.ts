import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { TfFile } from '../../server/src/model/document';
import { TemplateModule } from '../../server/src/model/module';
import { moduleCalls } from '../../server/src/model/moduleCalls';
import { initParser } from '../../server/src/model/parser';
import { registryModuleName, registryModuleOf } from '../../server/src/schema';
import { splitCursor } from '../helpers/editorCases';

const AGENT = `resource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n\n`;

function open(textWithCursor: string) {
  const { text, offset } = splitCursor(textWithCursor);
  const file = new TfFile('/virtual/modules/main.tf', text);
  return { file, module: new TemplateModule('/virtual/modules', [file]), position: file.positionAt(offset) };
}

function labels(textWithCursor: string, trigger?: string): string[] {
  const { file, module, position } = open(textWithCursor);
  try {
    return completion(file, module, position, trigger).map((i) => i.label);
  } finally {
    file.dispose();
  }
}

describe('Coder registry modules', () => {
  before(() => initParser());

  it('reads both source forms Coder uses, and nothing else', () => {
    assert.equal(registryModuleName('registry.coder.com/coder/code-server/coder'), 'code-server');
    assert.equal(registryModuleName('registry.coder.com/modules/code-server/coder'), 'code-server');
    assert.equal(registryModuleName('registry.coder.com/coder/code-server/coder//sub'), 'code-server');
    assert.equal(registryModuleName('registry.terraform.io/coder/code-server/coder'), undefined);
    assert.equal(registryModuleName('./modules/code-server'), undefined);
    const cs = registryModuleOf('registry.coder.com/coder/code-server/coder')!;
    assert.equal(cs.inputs.agent_id?.required, true);
    assert.equal(cs.inputs.port?.default, 13337);
    assert.equal(cs.versions[0], '1.5.2');
    assert.match(cs.url, /^https:\/\/registry\.coder\.com\/modules\/coder\/code-server$/);
  });

  it('knows whether a call\'s constraint admits the newest release', () => {
    const { file, module } = open(`${AGENT}module "a" {\n  source = "registry.coder.com/coder/code-server/coder"\n}\nmodule "b" {\n  source  = "registry.coder.com/coder/code-server/coder"\n  version = "~> 1.0"\n}\nmodule "c" {\n  source  = "registry.coder.com/coder/code-server/coder"\n  version = "1.2.0"\n}\nmodule "d" {\n  source  = "registry.coder.com/coder/code-server/coder"\n  version = var.v\n}\n<|>`);
    assert.deepEqual(moduleCalls(module).map((c) => [c.name, c.current]), [['a', true], ['b', true], ['c', false], ['d', false]]);
    file.dispose();
  });

  it('completes sources, versions, inputs (required first) and outputs', () => {
    const sources = labels(`${AGENT}module "x" {\n  source = "<|>"\n}\n`);
    assert.ok(sources.includes('registry.coder.com/coder/code-server/coder') && sources.includes('registry.coder.com/coder/jetbrains/coder'));
    const versions = labels(`${AGENT}module "x" {\n  source  = "registry.coder.com/coder/code-server/coder"\n  version = "<|>"\n}\n`);
    assert.deepEqual(versions.slice(0, 3), ['~> 1.5', '1.5.2', '1.5.1']);
    const { file, module, position } = open(`${AGENT}module "x" {\n  source  = "registry.coder.com/coder/jetbrains/coder"\n  version = "~> 1.0"\n  <|>\n}\n`);
    const items = completion(file, module, position);
    file.dispose();
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 2), ['agent_id', 'folder'], 'required inputs first');
    assert.ok(sorted.includes('count') && sorted.includes('depends_on'), 'meta-arguments too');
    assert.ok(!sorted.includes('source') && !sorted.includes('version'), 'arguments already set are left out');
    assert.deepEqual(labels(`${AGENT}module "git" {\n  source   = "registry.coder.com/coder/git-clone/coder"\n  agent_id = coder_agent.main.id\n  url      = "u"\n}\noutput "o" {\n  value = module.git[0].<|>\n}\n`, '.'), ['branch_name', 'clone_url', 'folder_name', 'git_provider', 'repo_dir', 'web_url']);
  });

  it('completes local folders of the template that hold .tf files, first, and never a hidden one', () => {
    const text = `${AGENT}module "x" {\n  source = "<|>"\n}\n`;
    const { text: plain, offset } = splitCursor(text);
    const file = new TfFile('/virtual/local/main.tf', plain);
    const folder = {
      name: 'local',
      complete: true,
      variableFiles: [],
      entries: [
        { path: 'main.tf', kind: 'file' as const, size: 1 },
        { path: 'modules', kind: 'dir' as const, size: 1 },
        { path: 'modules/dind', kind: 'dir' as const, size: 1 },
        { path: 'modules/dind/main.tf', kind: 'file' as const, size: 1 },
        { path: 'scripts', kind: 'dir' as const, size: 1 },
        { path: 'scripts/start.sh', kind: 'file' as const, size: 1 },
        { path: 'old/.main.tf', kind: 'file' as const, size: 1 },
      ],
    };
    const module = new TemplateModule('/virtual/local', [file], { folder: () => folder });
    const items = completion(file, module, file.positionAt(offset));
    file.dispose();
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0].label, './modules/dind');
    assert.deepEqual(items.filter((i) => i.label.startsWith('./')).map((i) => i.label), ['./modules/dind'], 'only folders with .tf files');
    assert.equal((sorted[0].textEdit as { newText: string }).newText, './modules/dind');
  });

  it('hovers a module block with its inputs and outputs, and an input with its type and default', () => {
    const text = `${AGENT}module "x" {\n  source   = "registry.coder.com/coder/code-server/coder"\n  version  = "~> 1.0"\n  agent_id = coder_agent.main.id\n  po<|>rt     = 8080\n}\n`;
    const { file, module, position } = open(text);
    const h = hover(file, module, position);
    const header = hover(file, module, file.positionAt(file.text.indexOf('module "x"') + 2));
    file.dispose();
    const value = (x: typeof h) => (x && typeof x.contents === 'object' && 'value' in x.contents ? x.contents.value : '');
    assert.match(value(h), /^\*\*port\*\* · input of `code-server` · `number` · optional\n\nDefault: `13337`/);
    assert.match(value(header), /\*\*Inputs\*\*\n- `agent_id` · string · required/);
    assert.match(value(header), /Releases: 1\.5\.2, 1\.5\.1/);
  });
});
