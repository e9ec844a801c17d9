import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { cursorContext } from '../../server/src/features/cursor';
import { lookup, SchemaSet } from '../../server/src/schema';
import { splitCursor } from '../helpers/editorCases';

/** The cursor context as plain data: which analysis answered, the block path, the position. */
function at(textWithCursor: string) {
  const { text, offset } = splitCursor(textWithCursor);
  const file = new TfFile('/tmp/cursor/main.tf', text);
  const ctx = cursorContext(file, offset);
  file.dispose();
  return {
    text,
    source: ctx.source,
    blocks: ctx.blocks.map((b) => [b.type, ...b.labels].join(' ')),
    present: [...(ctx.blocks[ctx.blocks.length - 1]?.present ?? [])].sort(),
    // The schema path the position lookup makes of the blocks (a dynamic block counts as its label).
    path: lookup(new SchemaSet(), ctx.blocks)?.owner?.path ?? [],
    position: ctx.position,
  };
}

describe('cursor context: tree when it parsed cleanly, scanner when it did not', () => {
  before(() => initParser());

  it('uses the tree inside a clean block', () => {
    const c = at('resource "kubernetes_pod" "p" {\n  spec {\n    container {\n      image = "x"\n      <|>\n    }\n  }\n}\n');
    assert.equal(c.source, 'tree');
    assert.deepEqual(c.blocks, ['resource kubernetes_pod p', 'spec', 'container']);
    assert.deepEqual(c.path, ['spec', 'container']);
    assert.deepEqual(c.present, ['image']);
    assert.equal(c.position.kind, 'body');
  });

  it('scans the text when the block around the cursor has a syntax error', () => {
    const c = at('resource "kubernetes_pod" "p" {\n  spec {\n    container {\n      image = "x"\n      run<|>\n      name = "dev"\n    }\n  }\n}\n');
    assert.equal(c.source, 'scan');
    assert.deepEqual(c.blocks, ['resource kubernetes_pod p', 'spec', 'container']);
    assert.deepEqual(c.present, ['image', 'name'], 'names after the cursor count too');
    assert.deepEqual(c.position, { kind: 'body', wordStart: c.text.indexOf('run') });
  });

  it('scans an unclosed label at the end of the file', () => {
    const c = at('data "coder_workspace" "me" {}\n\nresource "dock<|>');
    assert.equal(c.source, 'scan');
    assert.deepEqual(c.blocks, []);
    assert.deepEqual(c.position, { kind: 'label', blockType: 'resource', index: 0, contentStart: c.text.indexOf('dock') });
  });

  it('does not start scanning at a nested block that error recovery lifted to the top', () => {
    const c = at('resource "kubernetes_pod" "main" {\n  metadata {\n    annotations = {\n    }\n  }\n  spec {\n    container {\n      resources {\n        limits = {\n          "<|>\n        }\n      }\n    }\n  }\n}\n');
    assert.equal(c.source, 'scan');
    assert.deepEqual(c.path, ['spec', 'container', 'resources']);
    assert.equal(c.position.kind, 'mapKey');
  });

  it('knows strings, tuples, interpolations, heredocs and comments', () => {
    const agent = (body: string) => at(`resource "coder_agent" "m" {\n${body}\n}\n`).position;
    const header = 'resource "coder_agent" "m" {\n'.length;
    assert.deepEqual(agent('  os = "li<|>"'), { kind: 'string', attribute: 'os', inTuple: false, contentStart: header + '  os = "'.length });
    assert.deepEqual(agent('  env = { A = "${var.<|>}" }'), { kind: 'expression', attribute: 'env', inTuple: false, inInterpolation: true });
    assert.deepEqual(agent('  startup_script = <<-EOT\n    echo <|>\n  EOT'), { kind: 'none' });
    assert.deepEqual(agent('  startup_script = <<-EOT\n    echo ${local.<|>}\n  EOT'), { kind: 'expression', attribute: 'startup_script', inTuple: false, inInterpolation: true });
    assert.deepEqual(agent('  # os = <|>'), { kind: 'none' });
    const tuple = at('resource "docker_container" "w" {\n  env = [\n    "A=1",\n    "B<|>\n  ]\n}\n');
    assert.equal(tuple.source, 'scan');
    assert.deepEqual(tuple.position, { kind: 'string', attribute: 'env', inTuple: true, contentStart: tuple.text.indexOf('"B') + 1 });
  });

  it('maps dynamic blocks to the block they generate', () => {
    const c = at('resource "kubernetes_pod" "p" {\n  spec {\n    container {\n      dynamic "env" {\n        for_each = {}\n        content {\n          name = "<|>"\n        }\n      }\n    }\n  }\n}\n');
    assert.deepEqual(c.path, ['spec', 'container', 'env']);
    assert.equal(c.position.kind, 'string');
  });

  it('reads CRLF text the same way', () => {
    const lf = 'resource "kubernetes_pod" "p" {\n  spec {\n    container {\n      image = "x"\n      run<|>\n      name = "dev"\n    }\n  }\n}\n';
    const crlf = at(lf.replace(/\n/g, '\r\n'));
    assert.equal(crlf.source, 'scan');
    assert.deepEqual(crlf.blocks, ['resource kubernetes_pod p', 'spec', 'container']);
    assert.deepEqual(crlf.present, ['image', 'name']);
    const label = at('variable "a" {}\r\nresource "<|>');
    assert.equal(label.position.kind, 'label');
  });
});
