import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeStatus, type FindingCounts, type ServerState } from '../../client/src/statusView';
import type { TemplateStatus } from '../../server/src/protocol';

const SYSBOX: TemplateStatus = {
  isCoderTemplate: true,
  method: { id: 'sysbox-docker', title: 'Sysbox container runtime (Docker)', docsUrl: 'https://coder.com/docs/x#sysbox' },
};
const NONE: FindingCounts = { total: 0, errors: 0 };
const running: ServerState = { kind: 'running' };

/** The `[title](command:id)` links of a detail, as VS Code's language status hover renders them. */
function links(detail: string): string[] {
  return [...detail.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\)/g)].map((m) => `${m[1]} → ${m[2]}`);
}

describe('language status item text', () => {
  it('names the method of a running server\'s template and links its docs and a restart', () => {
    const view = describeStatus(running, SYSBOX, { total: 3, errors: 1 });
    assert.equal(view.text, 'Docker in workspace: Sysbox container runtime (Docker)');
    assert.equal(view.detail.replace(/\s*·\s*\[.*$/, ''), 'Language server running · 3 findings in this folder (1 error)');
    assert.deepEqual(links(view.detail), ['Method docs → coderDind.showMethodDocs', 'Restart → coderDind.restartServer']);
    assert.deepEqual([view.severity, view.busy], ['information', false]);
  });

  it('says when a Coder template has no recognised method, and when a module is not a Coder template', () => {
    const noMethod = describeStatus(running, { isCoderTemplate: true, method: null }, NONE);
    assert.equal(noMethod.text, 'Docker in workspace: no method detected');
    assert.deepEqual(links(noMethod.detail), ['Restart → coderDind.restartServer'], 'no docs link without a method');
    assert.equal(describeStatus(running, { isCoderTemplate: false, method: null }, NONE).text, 'Not a Coder template');
    assert.equal(describeStatus(running, undefined, NONE).text, 'coder-dind', 'before the server has answered');
  });

  it('counts findings in words', () => {
    const detail = (counts: FindingCounts) => describeStatus(running, SYSBOX, counts).detail.split(' · ')[1];
    assert.equal(detail(NONE), 'no findings in this folder');
    assert.equal(detail({ total: 1, errors: 0 }), '1 finding in this folder');
    assert.equal(detail({ total: 1, errors: 1 }), '1 finding in this folder (1 error)');
    assert.equal(detail({ total: 7, errors: 2 }), '7 findings in this folder (2 errors)');
  });

  it('shows starting and restarting as busy, and a stop as an error with its reason and a restart link', () => {
    const starting = describeStatus({ kind: 'starting' }, SYSBOX, NONE);
    assert.deepEqual([starting.text, starting.busy, starting.severity], ['coder-dind: starting', true, 'information']);
    const restarting = describeStatus({ kind: 'restarting', why: 'on request' }, SYSBOX, NONE);
    assert.deepEqual([restarting.text, restarting.detail, restarting.busy], ['coder-dind: restarting', 'Language server restarting on request', true]);
    const stopped = describeStatus({ kind: 'stopped', reason: 'it did not start (spawn ENOENT)' }, SYSBOX, { total: 4, errors: 4 });
    assert.equal(stopped.text, 'coder-dind: stopped');
    assert.match(stopped.detail, /^Language server stopped: it did not start \(spawn ENOENT\) · /);
    assert.deepEqual(links(stopped.detail), ['Restart → coderDind.restartServer']);
    assert.deepEqual([stopped.severity, stopped.busy], ['error', false]);
  });
});
