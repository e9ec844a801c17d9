import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { instanceCount, literal, literalBool, literalInteger, literalString } from '../../server/src/model/coderValues';
import { TfFile } from '../../server/src/model/document';
import { initParser } from '../../server/src/model/parser';
import { attribute, blocksIn, fileBody } from '../../server/src/model/syntax';

/** The value node of `x = …` in a one-attribute block, parsed for real. */
function value(expression: string) {
  const file = new TfFile('/t/values/main.tf', `resource "x" "y" {\n  x = ${expression}\n}\n`);
  const block = blocksIn(fileBody(file.roots[0]))[0];
  return { node: attribute(block, 'x')?.value, block };
}

describe('how the import-check rules read values: literals only', () => {
  before(() => initParser());

  it('strings, with HCL escapes decoded', () => {
    assert.equal(literalString(value('"plain"').node), 'plain');
    assert.equal(literalString(value('"[\\"a\\", \\"b\\"]"').node), '["a", "b"]');
    assert.equal(literalString(value('"tab\\there"').node), 'tab\there');
    assert.equal(literalString(value('"caf\\u00e9"').node), 'café');
    assert.equal(literalString(value('"$${not.interpolated}"').node), '${not.interpolated}');
    assert.equal(literalString(value('<<EOF\nback\\slash\nEOF').node), undefined, 'a heredoc: the tree does not give its exact value');
  });

  it('numbers and bools as Terraform converts them for a string argument', () => {
    assert.equal(literalString(value('5').node), '5');
    assert.equal(literalString(value('1.50').node), '1.5');
    assert.equal(literalString(value('true').node), 'true');
    assert.equal(literalString(value('1.5e30').node), undefined, 'printed differently by JavaScript: unknown');
    assert.equal(literalString(value('1e3').node), undefined, 'the grammar stops at 1: unknown, not 1');
    assert.equal(literalBool(value('"false"').node), false);
    assert.equal(literalInteger(value('"12"').node), 12);
    assert.equal(literalInteger(value('1.5').node), undefined);
  });

  it('references, calls, conditionals and collections with escapes are unknown', () => {
    for (const expression of ['var.x', 'jsonencode(["a"])', 'var.a ? "x" : "y"', '"${var.x}"', '["a\\"b"]']) {
      assert.equal(literal(value(expression).node), undefined, expression);
    }
    assert.deepEqual(literal(value('["a", 1, true]').node), ['a', 1, true]);
  });

  it('instances: literal count and for_each, start_count as one, anything else unknown', () => {
    const count = (text: string) => instanceCount(value(`1\n  ${text}`).block);
    assert.equal(count(''), 1);
    assert.equal(count('count = 3'), 3);
    assert.equal(count('count = 0'), 0);
    assert.equal(count('count = data.coder_workspace.me.start_count'), 1);
    assert.equal(count('count = data.coder_workspace.me.start_count + 1'), undefined);
    assert.equal(count('count = var.n'), undefined);
    assert.equal(count('for_each = { a = 1, b = 2 }'), 2);
    assert.equal(count('for_each = toset(var.names)'), undefined);
  });
});
