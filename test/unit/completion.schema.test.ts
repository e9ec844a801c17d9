import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { completion } from '../../server/src/features/completion';
import { TfFile } from '../../server/src/model/document';
import { TemplateModule } from '../../server/src/model/module';
import { initParser } from '../../server/src/model/parser';
import { BlockSchema, loadRelease, ResourceSchema, settableAttributes } from '../../server/src/schema';

/** Every body of a type, as the path of nested block names that reaches it. */
function bodies(block: BlockSchema, path: string[] = [], out: Array<{ path: string[]; body: BlockSchema }> = []) {
  out.push({ path, body: block });
  if (path.length < 7) for (const [name, nested] of block.blocks) bodies(nested.block, [...path, name], out);
  return out;
}

/** Completion in an empty body at `path` inside `resource "type" "x" { … }`. */
function labelsAt(type: ResourceSchema, path: string[]): string[] {
  const indent = (n: number) => '  '.repeat(n);
  const open = path.map((p, i) => `${indent(i + 1)}${p} {\n`).join('');
  const close = path.map((_, i) => `${indent(path.length - i)}}\n`).join('');
  const before = `${type.kind} "${type.name}" "x" {\n${open}${indent(path.length + 1)}`;
  const text = `${before}\n${close}}\n`;
  const file = new TfFile(`/virtual/schema-completion/${type.name}.tf`, text);
  try {
    const position = file.positionAt(before.length);
    return completion(file, new TemplateModule('/virtual/schema-completion', [file]), position).map((i) => i.label);
  } finally {
    file.dispose();
  }
}

describe('completion offers every argument of every type, top level and nested, and no read-only one', () => {
  before(() => initParser());

  for (const [provider, version] of [['coder', '2.17.0'], ['docker', '4.5.0'], ['kubernetes', '3.2.1']] as const) {
    it(`${provider} ${version}`, () => {
      const release = loadRelease(provider, version);
      let checked = 0;
      for (const type of [...release.resources.values(), ...release.dataSources.values()]) {
        for (const { path, body } of bodies(type.block)) {
          const labels = new Set(labelsAt(type, path));
          const where = `${type.kind} ${type.name} ${path.join('.') || '(body)'}`;
          for (const a of settableAttributes(body, path.length === 0)) assert.ok(labels.has(a.name), `${where}: offers ${a.name}`);
          for (const name of body.blocks.keys()) assert.ok(labels.has(name), `${where}: offers block ${name}`);
          for (const a of body.attributes.values()) if (a.computed && !a.optional && !a.required) assert.ok(!labels.has(a.name) || body.blocks.has(a.name), `${where}: never offers read-only ${a.name}`);
          checked++;
        }
      }
      assert.ok(checked > release.resources.size, `${checked} bodies checked`);
    });
  }
});
