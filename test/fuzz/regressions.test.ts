import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkCli } from './checkCli';
import { checkLsp } from './checkLsp';
import { emptyFigures, fileUri, MutantRun } from './mutantRun';
import { checkClosedFile } from './closedFile';
import { FuzzClient } from './client';
import { REGRESSIONS_DIR, ROOT } from './corpus';
import { checkSeedOf } from './generate';
import { Rng } from './prng';

/**
 * Replays every mutant the fuzzer saved (test/fuzz/regressions/<hash>.tf): each goes through the full
 * LSP round (open, edits, every request, every code action, a re-opened fix) and the CLI (lint and --fix
 * on a copy) and, as a closed file beside an open template, the module-wide diagnostics; it must pass
 * every check the fuzzer makes.
 */
const COMPANION = readFileSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'clean-template', 'main.tf'), 'utf8');
const fixtures = readdirSync(REGRESSIONS_DIR).filter((n) => n.endsWith('.tf')).sort();

describe(`fuzz regression fixtures (${fixtures.length})`, () => {
  let client: FuzzClient;
  let tmpRoot: string;
  before(async () => {
    client = new FuzzClient();
    await client.initialize({ debounceMs: 0, syntaxDebounceMs: 0 });
    tmpRoot = mkdtempSync(path.join(tmpdir(), 'coder-dind-regressions-'));
  });
  after(() => {
    client.dispose();
    rmSync(tmpRoot, { recursive: true, force: true });
  });

  it('the fixtures folder holds only .tf fixtures and their .json notes', () => {
    for (const name of readdirSync(REGRESSIONS_DIR)) assert.match(name, /^([0-9a-f]{16}\.(tf|json)|README\.md)$/);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const bytes = readFileSync(path.join(REGRESSIONS_DIR, name));
      const run = new MutantRun(emptyFigures());
      const id = name.slice(0, 16);
      // The same edits, positions and choices as when it failed (the note says which run and mutant, and
      // whether the run was lean: a lean plan draws other edits and requests from the same seed).
      const notePath = path.join(REGRESSIONS_DIR, `${id}.json`);
      const note = existsSync(notePath) ? (JSON.parse(readFileSync(notePath, 'utf8')) as { seed?: number; index?: number; lean?: boolean }) : {};
      const seed = note.seed !== undefined && note.index !== undefined ? checkSeedOf(note.seed, note.index) : parseInt(id.slice(0, 8), 16);
      await checkLsp(run, client, fileUri(path.join(tmpRoot, 'lsp')), id, bytes.toString('utf8'), new Rng(seed), { reopen: 2, lean: note.lean === true });
      await checkCli(run, tmpRoot, id, bytes, true);
      await checkClosedFile(run, client, tmpRoot, id, bytes, COMPANION);
      assert.deepEqual(run.failures, [], run.failures.map((f) => `${f.kind} in ${f.where}: ${f.detail}`).join('\n\n'));
    });
  }
});
