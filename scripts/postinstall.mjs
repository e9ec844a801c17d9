// Builds dist/ after `npm install` in a clone that has none: how pre-commit installs this repository
// (npm install in the clone, npm pack, a global install of the tarball). The build cannot run in
// "prepack" or "prepare": npm prints their banner on standard output, and pre-commit reads the
// tarball's name from there. Installed from a tarball, dist/ is already there and nothing runs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  // Output to stderr only: standard output is for the commands that called npm.
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  process.exit(r.status ?? 1);
}
