import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runSessions } from '../differential/runner';

/**
 * Seeded random editing sessions over a template folder, its local module and another template, through
 * the bundled server (dist/server.js over stdio, as VS Code runs it): edits, saves, closes, files
 * changed, created, renamed and deleted on disk with the watcher's notifications, a folder deleted whole.
 * Each ends with every buffer saved; the server's last diagnostics for every file must then be
 * `coder-dind lint --format json`'s for the files on disk (files of folders with no open document: none),
 * and closing every document must clear them all. See test/differential/. Long runs: npm run differential.
 */
const SEED = 19;
const SESSIONS = 20;
const STEPS = 30;

describe('the editor and the CLI agree after random multi-file sessions', () => {
  it(`${SESSIONS} sessions of ${STEPS} steps (seed ${SEED})`, async () => {
    const figures = await runSessions(SEED, Array.from({ length: SESSIONS }, (_, i) => i), STEPS, 2);
    assert.equal(figures.sessions, SESSIONS);
    assert.ok(figures.files > SESSIONS, `only ${figures.files} files compared`);
    assert.ok(figures.findings > 0, 'no finding compared: the sessions exercise nothing');
    assert.deepEqual(figures.failures, [], `\n${figures.failures.join('\n\n')}`);
  });
});
