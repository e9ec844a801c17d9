import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { blockInstances } from '../../server/src/model/facts/dynamic';
import { valuesOf } from '../../server/src/model/facts/reader';
import { toStatic } from '../../server/src/model/facts/values';
import { initParser } from '../../server/src/model/parser';
import { attribute, childBlock, HclBlock } from '../../server/src/model/syntax';
import { toModule } from '../helpers/ruleTester';

/** The module of `locals { … }` plus `text`, and a reader of its `v = …` local. */
function read(expression: string, locals = '') {
  const module = toModule(`locals {\n  v = ${expression}\n${locals}}\n`);
  const reader = valuesOf(module);
  const declaration = module.find('local', 'v')!;
  const value = attribute(declaration.block, 'v')?.value;
  return { reader, module, value, file: declaration.file, read: () => reader.read(value, declaration.file) };
}

describe('the value reader (model/facts/reader.ts)', () => {
  before(() => initParser());

  it('reads literals, and converts strings, bools and numbers as Terraform does', () => {
    assert.equal(read('"true"').reader.bool(read('"true"').value), true);
    const t = read('"true"');
    assert.equal(t.reader.bool(t.value, t.file), true);
    const f = read('"false"');
    assert.equal(f.reader.bool(f.value, f.file), false);
    const yes = read('"yes"');
    assert.equal(yes.reader.bool(yes.value, yes.file), undefined, 'Terraform rejects "yes" as a bool: not known');
    const n = read('"0"');
    assert.equal(n.reader.number(n.value, n.file), 0);
    const s = read('1.5');
    assert.equal(s.reader.string(s.value, s.file), '1.5');
    const b = read('true');
    assert.equal(b.reader.string(b.value, b.file), 'true');
    const one = read('1');
    assert.equal(one.reader.bool(one.value, one.file), undefined, 'a number does not convert to bool');
  });

  it('keeps variables, resource attributes and unknown functions unknown', () => {
    for (const expression of ['var.privileged', 'docker_container.x.privileged', 'lower("TRUE")', 'data.coder_workspace.me.start_count', 'var.x ? true : false']) {
      const r = read(expression);
      assert.equal(r.read().kind, 'unknown', expression);
      assert.equal(r.reader.bool(r.value, r.file), undefined, expression);
    }
  });

  it('follows local. chains, and stops at a cycle', () => {
    const chain = read('local.a', '  a = local.b\n  b = "true"\n');
    assert.equal(chain.reader.bool(chain.value, chain.file), true);
    const cycle = read('local.a', '  a = local.b\n  b = local.a\n');
    assert.equal(cycle.read().kind, 'unknown');
    const element = read('local.m.k', '  m = { k = "x" }\n');
    assert.equal(element.reader.string(element.value, element.file), 'x');
    const index = read('local.l[1]', '  l = ["a", "b"]\n');
    assert.equal(index.reader.string(index.value, index.file), 'b');
  });

  it('sees the literals inside concat, merge, try, coalesce, tolist and toset', () => {
    const concat = read('concat(["A=1"], ["B=${coder_agent.x.token}"], [for k in var.l : k])').read();
    assert.equal(concat.kind, 'list');
    assert.ok(concat.kind === 'list' && concat.open, 'a for expression may add elements');
    assert.equal(concat.kind === 'list' && concat.items.length, 2);
    assert.equal(concat.kind === 'list' && toStatic(concat.items[0]), 'A=1');
    assert.equal(concat.kind === 'list' && concat.items[1].kind, 'unknown');

    const merge = read('merge({ A = "1", B = "2" }, var.extra, { C = "3" })').read();
    assert.ok(merge.kind === 'object' && merge.open);
    assert.equal(merge.kind === 'object' && merge.entries.get('A')?.kind, 'unknown', 'var.extra may override A');
    assert.equal(merge.kind === 'object' && toStatic(merge.entries.get('C')), '3');

    const closed = read('merge({ A = "1" }, { A = "2" })').read();
    assert.deepEqual(toStatic(closed), { A: '2' });

    const tried = read('try(local.missing.x, "fallback")');
    assert.equal(tried.read().kind, 'unknown');
    const triedKnown = read('try("a", "b")');
    assert.equal(triedKnown.reader.string(triedKnown.value, triedKnown.file), 'a');

    const coalesce = read('coalesce("", null, "x")');
    assert.equal(coalesce.reader.string(coalesce.value, coalesce.file), 'x');
    assert.equal(read('coalesce(var.a, "x")').read().kind, 'unknown');

    assert.deepEqual(toStatic(read('toset(["a", "b", "a"])').read()), ['a', 'b']);
    assert.deepEqual(toStatic(read('tolist(["a", "b"])').read()), ['a', 'b']);
    assert.deepEqual(toStatic(read('lookup({ a = 1 }, "b", 2)').read()), 2);
  });

  it('reads conditionals and operators on known operands only', () => {
    assert.deepEqual(toStatic(read('local.on ? 1 : 0', '  on = true\n').read()), 1);
    assert.deepEqual(toStatic(read('var.on ? 1 : 1').read()), 1, 'both branches agree');
    assert.equal(read('var.on ? 1 : 0').read().kind, 'unknown');
    assert.deepEqual(toStatic(read('!local.on', '  on = "false"\n').read()), true);
    assert.deepEqual(toStatic(read('local.a == "x"', '  a = "x"\n').read()), true);
    assert.deepEqual(toStatic(read('var.a || true').read()), true, 'true || anything');
    assert.equal(read('var.a && true').read().kind, 'unknown');
  });

  it('reads a deep nest as unknown instead of overflowing the stack', () => {
    const deep = read(`${'['.repeat(3000)}1${']'.repeat(3000)}`);
    assert.doesNotThrow(() => deep.read());
    assert.deepEqual(toStatic(read('[[[1]]]').read()), [[[1]]]);
  });

  it('builds strings from interpolations it can read', () => {
    const r = read('"a-${local.b}-${1}"', '  b = "x"\n');
    assert.equal(r.reader.string(r.value, r.file), 'a-x-1');
    assert.equal(read('"a-${var.b}"').read().kind, 'unknown');
  });

  it('says whether an expression mentions something, through locals and a dynamic block\'s iterator', () => {
    const r = read('local.env', '  env = merge({ CODER_AGENT_TOKEN = try(coder_agent.x.token, "") }, var.more)\n');
    assert.equal(r.reader.mentions(r.value, /coder_agent\.x\.token/), true);
    assert.equal(r.reader.mentions(r.value, /coder_agent\.y\.token/), false);
  });

  it('expands a dynamic block over a literal or local map or list, and marks one over a variable open', () => {
    const module = toModule(`locals {
  env = merge({ CODER_AGENT_TOKEN = try(coder_agent.x.token, "") }, { A = "1" })
}
resource "kubernetes_pod" "p" {
  spec {
    container {
      env {
        name  = "FIRST"
        value = "0"
      }
      dynamic "env" {
        for_each = local.env
        content {
          name  = env.key
          value = env.value
        }
      }
      dynamic "env" {
        for_each = ["B", "C"]
        iterator = e
        content {
          name = e.value
        }
      }
      dynamic "volume_mount" {
        for_each = var.mounts
        content {
          mount_path = volume_mount.value
        }
      }
    }
  }
}
`);
    const reader = valuesOf(module);
    const pod = module.find('resource', 'kubernetes_pod.p')!;
    const container = childBlock(childBlock(pod.block, 'spec'), 'container') as HclBlock;
    const env = blockInstances(reader, pod.file, container, 'env');
    assert.equal(env.open, false);
    const names = env.instances.map((i) => reader.string(attribute(i.block, 'name')?.value, pod.file, i.scope));
    assert.deepEqual(names, ['FIRST', 'CODER_AGENT_TOKEN', 'A', 'B', 'C']);
    const token = env.instances[1];
    assert.equal(reader.mentions(attribute(token.block, 'value')?.value, /coder_agent\.x\.token/, token.scope), true);
    assert.equal(blockInstances(reader, pod.file, container, 'volume_mount').open, true);
  });
});
