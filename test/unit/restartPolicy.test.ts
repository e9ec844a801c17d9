import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { BoundedRestart } from '../../client/src/restartPolicy';

describe('language server restart policy', () => {
  it('allows a bounded number of restarts within the window, then refuses', () => {
    let now = 0;
    const policy = new BoundedRestart(3, 1000, () => now);
    assert.deepEqual([policy.allow(), policy.allow(), policy.allow(), policy.allow()], [true, true, true, false]);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new BoundedRestart(2, 1000, () => now);
    assert.ok(policy.allow());
    now = 500;
    assert.ok(policy.allow());
    assert.equal(policy.allow(), false);
    now = 1501;
    assert.ok(policy.allow(), 'both earlier crashes are out of the window');
  });
});
