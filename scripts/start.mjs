// npm start: builds and packages the extension, then serves the real VS Code workbench (code-server) on
// http://127.0.0.1:8080 with the extension installed and the demo workspace examples/ open. Stays in the
// foreground until Ctrl+C, then stops code-server's whole process group.
// PORT=9000 npm start picks another port. The tools are installed on first use (test/e2e/setup.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createSandbox, installVsix, onInterrupt, reapSurvivors, startCodeServer, tail } from '../test/e2e/lib/harness.mjs';
import { paths } from '../test/e2e/lib/paths.mjs';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const port = Number(process.env.PORT ?? 8080);
const examples = join(root, 'examples');

function step(title, script, args = []) {
  console.log(`[start] ${title}`);
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function portIsFree(p) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(p, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

if (!(await portIsFree(port))) {
  console.error(`[start] port ${port} on 127.0.0.1 is in use; stop what runs there or set PORT=<another port>`);
  process.exit(1);
}
step('build', 'scripts/build.mjs');
step('package', 'scripts/package.mjs', ['--no-build']);
step('tools (Node 24, code-server, playwright-core)', 'test/e2e/setup.mjs');
if (!existsSync(examples)) {
  console.error(`[start] ${examples} does not exist`);
  process.exit(1);
}

const sandbox = createSandbox('start');
let server;
let stopping = false;
const shutdown = async () => {
  stopping = true;
  await server?.stop();
  const survivors = await reapSurvivors(sandbox.root);
  if (survivors.length) console.error(`[start] killed ${survivors.length} leftover process(es)`);
  sandbox.remove();
};
onInterrupt(shutdown);
try {
  await installVsix(sandbox, paths.vsix);
  // The user's HOME stays, so Coder: Push Template finds the coder CLI's login.
  server = await startCodeServer(sandbox, { port, folder: examples, isolateHome: false });
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  await shutdown();
  process.exit(1);
}
console.log(`
  The workbench is ready, with the extension installed and examples/ open:

    http://127.0.0.1:${port}/?folder=${encodeURI(examples)}

  (code-server ${server.pid}, log ${server.logFile})
  Press Ctrl+C to stop.
`);
const ended = await server.exited;
if (!stopping) {
  // Ctrl+C is handled by the harness (it stops code-server, then exits); this is code-server dying alone.
  console.error(`[start] code-server stopped by itself (${JSON.stringify(ended)}); log:\n${tail(server.logFile)}`);
  await shutdown();
  process.exit(1);
}
