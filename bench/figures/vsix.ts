/** The package figure: build and package the VSIX, and its size. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root } from '../options';
import { targetMetric } from '../results';

export function packageVsix(): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

export function measureVsix(): void {
  const vsix = path.join(root, 'coder-dind.vsix');
  const size = fs.statSync(vsix).size;
  targetMetric({ name: 'VSIX size (coder-dind.vsix)', value: size / 1024 / 1024, unit: 'MiB', target: 5, comparison: '<=', targetRule: 'absolute' });
}
