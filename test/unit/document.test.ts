import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { chunkStarts } from '../../server/src/model/chunks';
import { TfFile } from '../../server/src/model/document';
import { FileIndex } from '../../server/src/model/fileIndex';
import { initParser, parseText, SyntaxNode } from '../../server/src/model/parser';
import { attributesIn, childBlocks, HclBlock } from '../../server/src/model/syntax';
import { Rng } from '../fuzz/prng';

const root = path.resolve(__dirname, '..', '..');

/** The first line of each chunk, to read the boundaries at a glance. */
function chunkHeads(text: string): string[] {
  return chunkStarts(text).map((s) => text.slice(s, text.indexOf('\n', s) < 0 ? undefined : text.indexOf('\n', s)));
}

/** Every top-level statement as `start-end S-expression`, the file's shape independent of how it was parsed. */
function shapeOf(statements: SyntaxNode[]): string[] {
  return statements.map((n) => `${n.startIndex}-${n.endIndex} ${n.toString()}`);
}

function wholeFileStatements(text: string): { shape: string[]; hasError: boolean } {
  const tree = parseText(text);
  const statements = tree.rootNode.namedChildren.flatMap((c) => (c?.type === 'body' ? c.namedChildren : [c])).filter((n): n is SyntaxNode => !!n);
  const shape = shapeOf(statements);
  const hasError = tree.rootNode.hasError;
  tree.delete();
  return { shape, hasError };
}

function templates(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of readdirSync(path.join(root, 'examples'))) {
    out.push({ name: `examples/${dir}`, text: readFileSync(path.join(root, 'examples', dir, 'main.tf'), 'utf8') });
  }
  const docs = path.join(root, 'test', 'fixtures', 'docs-examples');
  for (const dir of readdirSync(docs)) {
    for (const f of readdirSync(path.join(docs, dir)).filter((f) => f.endsWith('.tf'))) {
      out.push({ name: `docs-examples/${dir}/${f}`, text: readFileSync(path.join(docs, dir, f), 'utf8') });
    }
  }
  return out;
}

/**
 * An index as plain data: every node as type, offsets, position, text and parent (the parent asks the tree,
 * so a node object that lost track of its tree shows), and each block's attributes and nested blocks.
 */
function describeIndex(index: FileIndex): unknown {
  const node = (n: SyntaxNode | null | undefined): unknown =>
    n && `${n.type}@${n.startIndex}-${n.endIndex}(${n.startPosition.row}:${n.startPosition.column}) ${JSON.stringify(n.text.slice(0, 40))} in ${n.parent?.type}@${n.parent?.startIndex}`;
  const block = (b: HclBlock | undefined): unknown =>
    b && {
      type: b.type,
      labels: b.labels,
      nodes: [b.node, b.typeNode, b.body, b.openBrace, b.closeBrace, ...b.labelNodes].map(node),
      attributes: attributesIn(b.body).map((a) => [a.name, node(a.node), node(a.nameNode), node(a.value)]),
      nested: childBlocks(b).map((c) => [c.type, node(c.node)]),
    };
  return {
    blocks: index.blocks.map(block),
    declarations: index.declarations.map((d) => [d.kind, d.name, d.resourceType, node(d.nameNode), node(d.node), d.block?.node.startIndex]),
    references: index.references.map((r) => [r.kind, r.name, r.start, r.end, r.nameStart, r.nameEnd, node(r.traversal.node), node(r.traversal.rootNode), r.traversal.steps.map((s) => [s.name, node(s.node)])]),
    requiredProviders: index.requiredProviders.map((p) => [p.localName, p.source, p.version, node(p.versionNode), node(p.entryNode)]),
    comments: index.comments.map(node),
  };
}

describe('chunk boundaries: one per top-level statement, found without a parse', () => {
  it('starts a chunk at each top-level statement, with the comments above it', () => {
    const text = '# header\n\nvariable "a" {\n  default = 1\n}\n\n# about b\n// more\nresource "t" "b" {\n  x = 1\n}\nlocals {\n}\n';
    assert.deepEqual(chunkHeads(text), ['# header', '# about b', 'locals {']);
  });

  it('ignores column-0 lines inside blocks, heredocs, strings, interpolations and block comments', () => {
    const text = [
      'resource "t" "a" {',
      'nested {', // unformatted, but still inside the block
      '}',
      '  script = <<-EOT',
      'fn() {',
      '}',
      'resource "x" "y" {',
      '    EOT',
      '  name = "${ { a = "}" }.a }"',
      '}',
      '/*',
      'resource "c" "d" {',
      '*/',
      'output "o" {',
      '  value = <<EOT',
      '${ {',
      'k = 1',
      '}.k } EOT',
      'EOT',
      '}',
      '',
    ].join('\n');
    // The block comment is above `output`, so it opens that statement's chunk.
    assert.deepEqual(chunkHeads(text), ['resource "t" "a" {', '/*']);
  });

  it('treats escaped template sequences as text', () => {
    const text = 'locals {\n  a = "$${"\n  b = "%%{"\n}\nvariable "v" {}\n';
    assert.deepEqual(chunkHeads(text), ['locals {', 'variable "v" {}']);
  });

  it('ends an unterminated quoted string at its line, as the parsers do', () => {
    const text = 'locals {\n  a = "open\n}\nvariable "v" {}\n';
    assert.deepEqual(chunkHeads(text), ['locals {', 'variable "v" {}']);
  });

  it('keeps the rest of the file in one chunk after an unclosed brace', () => {
    const text = 'locals {\n  a = {\n}\nvariable "v" {}\n';
    assert.deepEqual(chunkHeads(text), ['locals {']);
  });
});

describe('the document model parses statement by statement', () => {
  before(() => initParser());

  it('gives the same statements as a whole-file parse for every example and docs fixture', () => {
    for (const t of templates()) {
      const whole = wholeFileStatements(t.text);
      if (whole.hasError) continue;
      const file = new TfFile(`/tmp/${t.name}/main.tf`, t.text);
      assert.deepEqual(shapeOf(file.topLevelNodes), whole.shape, t.name);
      assert.ok(file.roots.length > 1, `${t.name} should have several statements`);
      file.dispose();
    }
  });

  it('after random edits, matches a fresh parse of the same text, and node text reads the current text', () => {
    const random = new Rng(20261128);
    const pieces = ['x', '{', '}', '"', '\n', '${', '<<EOT\n', '\nEOT\n', '#', '/*', '*/', ' ', '=', 'resource "a" "b" {\n', '\n}\n', ''];
    for (const t of templates().filter((_, i) => i % 3 === 0)) {
      const file = new TfFile(`/tmp/${t.name}/main.tf`, t.text, 1);
      let text = t.text;
      for (let step = 0; step < 60; step++) {
        const start = random.int(text.length + 1);
        const end = Math.min(text.length, start + (random.int(4) === 0 ? random.int(40) : 0));
        const inserted = pieces[random.int(pieces.length)];
        const range = { start: file.positionAt(start), end: file.positionAt(end) };
        file.applyChanges([{ range, text: inserted }], step + 2);
        text = text.slice(0, start) + inserted + text.slice(end);
        assert.equal(file.text, text);

        const fresh = new TfFile(`/tmp/${t.name}/main.tf`, text);
        const where = `${t.name}, edit ${step} (${start}-${end} → ${JSON.stringify(inserted)})`;
        assert.deepEqual(shapeOf(file.topLevelNodes), shapeOf(fresh.topLevelNodes), where);
        assert.deepEqual(
          file.roots.map((r) => [r.startIndex, r.endIndex]),
          fresh.roots.map((r) => [r.startIndex, r.endIndex]),
          where,
        );
        for (const node of file.descendantsOfType(['identifier', 'template_literal', 'comment'])) {
          assert.equal(node.text, text.slice(node.startIndex, node.endIndex), `${where}: text of ${node.type} at ${node.startIndex}`);
        }
        fresh.dispose();
      }
      file.dispose();
    }
  });

  it('after random edits, the index kept and moved with the statements equals a fresh index', () => {
    const random = new Rng(20261129);
    const pieces = ['x', '{', '}', '"', '\n', '${', '#', ' ', '=', 'var.a', '\n}\n', 'resource "a" "b" {\n  x = var.y\n}\n', ''];
    for (const t of templates().filter((_, i) => i % 2 === 0)) {
      const file = new TfFile(`/tmp/${t.name}/main.tf`, t.text, 1);
      let text = t.text;
      for (let step = 0; step < 40; step++) {
        // Read the index (and the attribute lists of its blocks) so the next edit has caches to keep and move.
        describeIndex(file.index);
        const start = random.int(text.length + 1);
        const end = Math.min(text.length, start + (random.int(4) === 0 ? random.int(40) : 0));
        const inserted = pieces[random.int(pieces.length)];
        file.applyChanges([{ range: { start: file.positionAt(start), end: file.positionAt(end) }, text: inserted }], step + 2);
        text = text.slice(0, start) + inserted + text.slice(end);
        const fresh = new TfFile(`/tmp/${t.name}/main.tf`, text);
        assert.deepEqual(describeIndex(file.index), describeIndex(fresh.index), `${t.name}, edit ${step} (${start}-${end} → ${JSON.stringify(inserted)})`);
        fresh.dispose();
      }
      file.dispose();
    }
  });

  it('a keystroke in one statement leaves the other statements’ trees alone', () => {
    const text = templates()[0].text;
    const file = new TfFile('/tmp/keystroke/main.tf', text, 1);
    const before = file.roots.map((r) => r.tree);
    const target = file.topLevelNodes[Math.floor(file.topLevelNodes.length / 2)];
    const offset = target.startIndex + 3;
    file.applyChanges([{ range: { start: file.positionAt(offset), end: file.positionAt(offset) }, text: 'x' }], 2);
    const after = file.roots.map((r) => r.tree);
    const changed = after.filter((tree, i) => tree !== before[i]);
    assert.equal(after.length, before.length);
    assert.equal(changed.length, 1, 'only the edited statement gets a new tree');
    file.dispose();
  });
});
