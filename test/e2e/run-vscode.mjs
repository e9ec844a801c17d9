#!/usr/bin/env node
// npm run test:vscode: the extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by
// @vscode/test-electron, for machines that can reach update.code.visualstudio.com. On this project's CI
// machine (npm registry only) the download fails; there the same suite runs in code-server (npm run e2e).
// VSCODE_EXECUTABLE=/path/to/code uses an installed VS Code instead of downloading one.
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sandbox = mkdtempSync(join(tmpdir(), 'coder-dind-vscode-'));
const workspace = join(sandbox, 'workspace');
const results = join(sandbox, 'results.json');
mkdirSync(workspace, { recursive: true });

let code = 1;
try {
  if (!existsSync(join(root, 'dist', 'client.js'))) throw new Error('dist/client.js is missing; run npm run build');
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: { CODER_DIND_E2E_RESULTS: results },
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(sandbox, 'user-data'), '--skip-welcome'],
  });
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`[test:vscode] ${r.passes.length} passing, ${r.failures.length} failing, ${r.pending.length} pending`);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|EAI_AGAIN|fetch failed|ECONNREFUSED|ETIMEDOUT|getaddrinfo|Failed to download/i.test(message)) {
    console.error(
      `[test:vscode] could not download VS Code (${message.split('\n')[0]}).\n` +
        '  This machine cannot reach update.code.visualstudio.com. Run the same suite in code-server with\n' +
        '  `npm run e2e`, or point VSCODE_EXECUTABLE at an installed VS Code binary.',
    );
  } else {
    console.error(`[test:vscode] ${message}`);
  }
  code = 1;
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
process.exit(code);
