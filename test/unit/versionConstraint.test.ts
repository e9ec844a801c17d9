import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { admitsAtLeast, admitsMajor, admitsOnlyBelow, parseConstraint } from '../../server/src/schema/versionConstraint';

// constraint, admits 2.x, admits 3.x, admits only versions below 2.16.0
const TABLE: Array<[string | undefined, boolean, boolean, boolean]> = [
  [undefined, true, true, false],
  ['', true, true, false],
  ['2.16.0', true, false, false],
  ['= 2.16.0', true, false, false],
  ['=2.15.0', true, false, true],
  ['!= 2.16.0', true, true, false],
  ['> 2.15.9', true, true, false],
  ['>= 2.16.0', true, true, false],
  ['< 2.16.0', true, false, true],
  ['<= 2.16.0', true, false, false],
  ['< 2.0.0', false, false, true],
  ['~> 2.0', true, false, false],
  ['~> 2.15.0', true, false, true],
  ['~> 2.16.0', true, false, false],
  ['~> 2', true, false, false],
  ['~> 1.0', false, false, true],
  ['~> 3.0', false, true, false],
  ['>= 2.0, < 3.0', true, false, false],
  ['>= 2.10, < 2.16', true, false, true],
  ['>= 1.0, != 2.0.0', true, true, false],
  ['>= 2.0.0, <= 2.0.0, != 2.0.0', false, false, false],
  ['>= 3.0.0', false, true, false],
  ['v2.17.0', true, false, false],
  ['2.16.0-beta1', true, false, false],
];

describe('Terraform version constraints', () => {
  for (const [text, two, three, below] of TABLE) {
    it(`${JSON.stringify(text)} → admits 2.x: ${two}, admits 3.x: ${three}, only below 2.16.0: ${below}`, () => {
      const c = parseConstraint(text);
      assert.ok(c, 'parses');
      assert.equal(admitsMajor(c, 2), two);
      assert.equal(admitsMajor(c, 3), three);
      assert.equal(admitsOnlyBelow(c, [2, 16, 0]), below);
      if (c.intervals.length) assert.equal(admitsAtLeast(c, [2, 16, 0]), !below);
    });
  }

  for (const bad of ['>= banana', '~>', '>= 1.0,, 2', '1.2.3.4']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseConstraint(bad), undefined));
  }
});
