import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeMethod, describeServer, type FindingCounts } from '../../client/src/statusView';

const NONE: FindingCounts = { total: 0, errors: 0 };

/** The `[title](command:id)` links of a detail, as VS Code's language status hover renders them. */
function links(detail: string): string[] {
  return [...detail.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\)/g)].map((m) => `${m[1]} → ${m[2]}`);
}

describe('language status: the server row', () => {
  it('counts the findings of a running server in words, and links a restart', () => {
    const detail = (counts: FindingCounts) => describeServer({ kind: 'running' }, counts).detail;
    assert.equal(detail(NONE), 'no findings in this folder · [Restart](command:coderDind.restartServer)');
    assert.equal(detail({ total: 1, errors: 0 }).split(' · ')[0], '1 finding in this folder');
    assert.equal(detail({ total: 1, errors: 1 }).split(' · ')[0], '1 finding in this folder (1 error)');
    assert.equal(detail({ total: 7, errors: 2 }).split(' · ')[0], '7 findings in this folder (2 errors)');
    const view = describeServer({ kind: 'running' }, NONE);
    assert.deepEqual([view.text, view.severity, view.busy], ['coder-dind running', 'information', false]);
  });

  it('shows starting and restarting as busy, and a stop as an error with its reason and a restart link', () => {
    const starting = describeServer({ kind: 'starting' }, NONE);
    assert.deepEqual([starting.text, starting.busy, starting.severity], ['coder-dind starting', true, 'information']);
    const restarting = describeServer({ kind: 'restarting', why: 'on request' }, NONE);
    assert.deepEqual([restarting.text, restarting.detail, restarting.busy, restarting.severity], ['coder-dind restarting', 'on request', true, 'warning']);
    const stopped = describeServer({ kind: 'stopped', reason: 'it did not start (spawn ENOENT)' }, { total: 4, errors: 4 });
    assert.equal(stopped.text, 'coder-dind stopped');
    assert.equal(stopped.detail, 'it did not start (spawn ENOENT) · [Restart](command:coderDind.restartServer)');
    assert.deepEqual(links(stopped.detail), ['Restart → coderDind.restartServer']);
    assert.deepEqual([stopped.severity, stopped.busy], ['error', false]);
  });
});

describe('language status: the method row', () => {
  it('names the detected method, or says why there is none', () => {
    const sysbox = describeMethod({
      isCoderTemplate: true,
      method: { id: 'sysbox-docker', title: 'Sysbox container runtime (Docker)', docsUrl: 'https://coder.com/docs/x#sysbox' },
    });
    assert.deepEqual([sysbox.text, links(sysbox.detail)], ['Sysbox container runtime (Docker)', ['Preview Workspace → coderDind.previewWorkspace']]);
    const none = describeMethod({ isCoderTemplate: true, method: null });
    assert.deepEqual([none.text, links(none.detail)], ['No Docker-in-workspace method detected', ['Preview Workspace → coderDind.previewWorkspace']]);
    assert.deepEqual(
      [describeMethod({ isCoderTemplate: false, method: null }).text, describeMethod({ isCoderTemplate: false, method: null }).detail],
      ['Not a Coder template', 'only hcl-syntax checks it'],
    );
  });
});
