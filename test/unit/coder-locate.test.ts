import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { locateCoder } from '../../client/src/coder/locate';

describe('locateCoder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'coder locate '));
  const binDir = path.join(dir, 'bin with space');
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(binDir);
  const exe = path.join(binDir, 'coder');
  writeFileSync(exe, '#!/bin/sh\n');
  chmodSync(exe, 0o755);
  const notExe = path.join(dir, 'coder');
  writeFileSync(notExe, 'not executable');
  chmodSync(notExe, 0o644);

  it('finds coder on PATH, skipping non-executable files and empty entries', () => {
    const r = locateCoder({ env: { PATH: `::${dir}:${binDir}` }, platform: 'linux' });
    assert.deepEqual(r, { found: true, path: exe, source: 'PATH' });
  });

  it('reports not-on-path with what it searched', () => {
    const r = locateCoder({ env: { PATH: '/nonexistent-a:/nonexistent-b' }, platform: 'linux', isExecutable: () => false });
    assert.deepEqual(r, { found: false, reason: 'not-on-path', searched: ['/nonexistent-a/coder', '/nonexistent-b/coder'] });
  });

  it('uses the setting: absolute path, ~/ path, or a bare name searched on PATH', () => {
    const seen = new Set(['/opt/coder/bin/coder', '/home/u/bin/coder', '/usr/bin/coder-2.18']);
    const isExecutable = (f: string) => seen.has(f);
    assert.deepEqual(locateCoder({ configuredPath: '/opt/coder/bin/coder', env: {}, platform: 'linux', isExecutable }), {
      found: true, path: '/opt/coder/bin/coder', source: 'setting',
    });
    assert.deepEqual(locateCoder({ configuredPath: '~/bin/coder', env: { HOME: '/home/u' }, platform: 'linux', isExecutable }), {
      found: true, path: '/home/u/bin/coder', source: 'setting',
    });
    assert.deepEqual(locateCoder({ configuredPath: 'coder-2.18', env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable }), {
      found: true, path: '/usr/bin/coder-2.18', source: 'setting',
    });
    assert.equal(locateCoder({ configuredPath: '/missing/coder', env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable }).found, false);
  });

  it('a configured path that does not exist does not fall back to PATH', () => {
    const r = locateCoder({ configuredPath: '/missing/coder', env: { PATH: binDir }, platform: 'linux', isExecutable: () => false });
    assert.equal(r.found, false);
    assert.equal(!r.found && r.reason, 'setting-not-found');
  });

  it('Windows: Path variable, ; separator, .exe but never .cmd/.bat', () => {
    const tried: string[] = [];
    const r = locateCoder({
      env: { Path: 'C:\\tools;C:\\coder', PATHEXT: '.COM;.EXE;.BAT;.CMD' },
      platform: 'win32',
      isExecutable: (f) => {
        tried.push(f);
        return f === 'C:\\coder\\coder.exe';
      },
    });
    assert.deepEqual(r, { found: true, path: 'C:\\coder\\coder.exe', source: 'PATH' });
    assert.equal(tried.some((f) => /\.(bat|cmd)$/i.test(f)), false);
  });
});
