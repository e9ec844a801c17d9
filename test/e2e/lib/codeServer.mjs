// code-server under the harness: installs the VSIX, starts the server in its own process group (under
// the guard, guard.cjs) with an environment isolated in the sandbox, waits until it answers, stops it.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths, VERSIONS } from './paths.mjs';
import { installHandlers, killGroup, limit, onInterrupt, sleep, stopGroup, trackGroup } from './processGroups.mjs';
import { SANDBOX_ENV } from './sandbox.mjs';

const GUARD = fileURLToPath(new URL('./guard.cjs', import.meta.url));

/**
 * Environment for code-server and everything under it: isolated state, tagged with the sandbox. With
 * `isolateHome` false (npm start), HOME and the XDG folders stay the user's, so the `coder` CLI finds
 * its login; code-server's own state still goes to the sandbox through its flags.
 */
function serverEnv(sandbox, extra = {}, isolateHome = true) {
  const env = { ...process.env };
  // The harness's own npm/test settings must not leak into the workbench or the extension host.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key.startsWith('VSCODE_') || key === 'NODE_OPTIONS' || key === 'NODE_TEST_CONTEXT') delete env[key];
  }
  const home = isolateHome
    ? { HOME: join(sandbox.root, 'home'), XDG_CONFIG_HOME: sandbox.xdgConfig, XDG_DATA_HOME: sandbox.xdgData, XDG_CACHE_HOME: sandbox.xdgCache }
    : {};
  return {
    ...env,
    PATH: `${paths.node24BinDir}:${process.env.PATH}`,
    ...home,
    TMPDIR: sandbox.tmp,
    [SANDBOX_ENV]: sandbox.root,
    ...extra,
  };
}

function commonArgs(sandbox, extensionsDir = sandbox.extensions) {
  return [
    '--config', sandbox.config,
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', extensionsDir,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
}

/** Spawns node24 + code-server in a new process group and tracks the group until it ends. */
function spawnCodeServer(sandbox, args, logName, env, isolateHome = true) {
  installHandlers();
  mkdirSync(join(sandbox.root, 'home'), { recursive: true });
  const logFile = join(sandbox.logs, logName);
  const log = createWriteStream(logFile);
  // detached: setsid(), so the guard leads a new process group that we can kill as a whole; the guard
  // also kills that group by itself if this process dies without cleaning up.
  const child = spawn(process.execPath, [GUARD, String(process.pid), paths.node24, paths.codeServerEntry, ...args], {
    cwd: sandbox.root,
    env: serverEnv(sandbox, env, isolateHome),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackGroup(child.pid);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: -1, signal: null, error }));
  });
  return { child, logFile, exited };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a VSIX into an extensions folder with `code-server --install-extension` (offline). */
export async function installVsix(sandbox, vsix, extensionsDir = sandbox.extensions) {
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist; run npm run package`);
  const args = [...commonArgs(sandbox, extensionsDir), '--install-extension', vsix, '--force'];
  const { child, logFile, exited } = spawnCodeServer(sandbox, args, `install-${Date.now()}.log`);
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 120_000);
  const { code, signal } = await exited;
  clearTimeout(timer);
  await stopGroup(child.pid, exited);
  const output = readFileSync(logFile, 'utf8');
  if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code ?? signal}):\n${output}`);
  const installed = readdirSync(extensionsDir).filter((name) => name.startsWith('coder-dind.coder-dind-'));
  if (installed.length !== 1) throw new Error(`expected one installed coder-dind extension in ${extensionsDir}, found ${installed.join(', ') || 'none'}\n${output}`);
  return join(extensionsDir, installed[0]);
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers /healthz. Returns { url, port, stop() }.
 * `smokeTestDriver` lets the workbench read extensionDevelopmentPath/extensionTestsPath from the URL.
 */
export async function startCodeServer(sandbox, { port, smokeTestDriver = false, env = {}, quiet = true, folder, isolateHome = true } = {}) {
  port ??= await freePort();
  const args = [
    ...commonArgs(sandbox),
    '--bind-addr', `127.0.0.1:${port}`,
    '--reconnection-grace-time', '0',
    ...(folder ? [folder] : ['--ignore-last-opened']),
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const { child, logFile, exited } = spawnCodeServer(sandbox, args, `code-server-${port}.log`, env, isolateHome);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child.pid, exited);
  const unregister = onInterrupt(stop);
  let ended;
  exited.then((result) => (ended = result));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (ended) {
      await stop();
      throw new Error(`code-server exited before it was ready (${JSON.stringify(ended)}); log:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60 s; log:\n${tail(logFile)}`);
    }
    await sleep(150);
  }
  if (!quiet) console.log(`[e2e] code-server ${VERSIONS.codeServer} on ${url} (pid ${child.pid}, log ${logFile})`);
  return {
    url,
    port,
    pid: child.pid,
    logFile,
    exited,
    /** vscode-remote URI of an absolute path on this server, as the browser sees it. */
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    async stop() {
      unregister();
      await stop();
    },
  };
}

/** Last lines of a log, without the offline noise code-server makes (marketplace, telemetry, agent host). */
export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/ENOTFOUND|AgentHost|open-vsx|events\.data\.microsoft/.test(line))
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}
