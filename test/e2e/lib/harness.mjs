// Starts and stops code-server (and the browser that drives it) for the end-to-end tests.
//
// Every run gets a sandbox: a fresh temp folder holding code-server's user data, extensions, config,
// XDG folders and TMPDIR, the Chromium profile and the workspace fixtures. code-server runs detached
// (its own session and process group), so stopping it kills the extension host, the language server
// and the file watchers with it; a guard process (guard.cjs) kills that group if the harness itself dies
// without cleaning up. Every process the harness starts carries CODER_DIND_E2E_SANDBOX in its
// environment, which is how `findSurvivors` finds anything left behind.
import { spawn } from 'node:child_process';
import { createWriteStream, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths, VERSIONS } from './paths.mjs';

export const SANDBOX_ENV = 'CODER_DIND_E2E_SANDBOX';
const GUARD = fileURLToPath(new URL('./guard.cjs', import.meta.url));

/** Process groups started by this process that are still alive. */
const liveGroups = new Set();
/** Async cleanups (browsers, servers) to run on a signal. */
const cleanups = new Set();
let handlersInstalled = false;

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: whatever way the process ends, no process group outlives it.
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\n[e2e] ${signal}: stopping code-server and the browser`);
      const code = 128 + osConstants.signals[signal];
      Promise.allSettled([...cleanups].map((fn) => fn()))
        .finally(() => process.exit(code));
      // A cleanup that hangs must not keep the process alive.
      setTimeout(() => process.exit(code), 10_000).unref();
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('[e2e] uncaught exception:', error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('[e2e] unhandled rejection:', error);
    process.exit(1);
  });
}

/** Registers an async cleanup that runs on SIGINT/SIGTERM; returns a function that unregisters it. */
export function onInterrupt(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function requireSetup() {
  const missing = [];
  if (!existsSync(paths.node24)) missing.push(`Node ${VERSIONS.node}`);
  if (!existsSync(paths.codeServerEntry)) missing.push(`code-server ${VERSIONS.codeServer}`);
  if (!existsSync(join(paths.playwrightPrefix, 'node_modules', 'playwright-core'))) missing.push('playwright-core');
  if (!existsSync(paths.chromium)) missing.push(`chromium (${paths.chromium})`);
  if (missing.length) {
    throw new Error(`end-to-end tools missing: ${missing.join(', ')}. Run: npm run e2e:setup`);
  }
}

export function loadPlaywright() {
  const require = createRequire(join(paths.playwrightPrefix, 'package.json'));
  return require('playwright-core');
}

/**
 * User settings for a quiet, predictable workbench: no welcome page, no AI/chat views or actions
 * (code-server ships them; offline they only add noise and extra code actions), no update checks.
 */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.accessibilitySupport': 'off',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/** A fresh temp folder for one run (the caller removes it, or keeps it to debug a failure). */
export function createSandbox(label) {
  const root = mkdtempSync(join(tmpdir(), `coder-dind-e2e-${label}-`));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg', 'config'),
    xdgData: join(root, 'xdg', 'data'),
    xdgCache: join(root, 'xdg', 'cache'),
    tmp: join(root, 'tmp'),
    workspaces: join(root, 'workspaces'),
    logs: join(root, 'logs'),
    browserProfile: join(root, 'browser-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const config = join(root, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  return {
    ...dirs,
    config,
    /**
     * Copies a fixture folder to workspaces/<name> and returns its path: test/e2e/fixtures/<fixture>, or
     * a demo template of the repository when `fixture` starts with "examples/".
     */
    workspace(name, fixture = name) {
      const target = join(dirs.workspaces, name);
      const source = fixture.startsWith('examples/') ? join(paths.root, fixture) : join(paths.root, 'test', 'e2e', 'fixtures', fixture);
      cpSync(source, target, { recursive: true });
      return target;
    },
    /**
     * Writes the workbench's settings (merged over the harness defaults) as user settings and as the
     * remote machine's settings: in a remote window (code-server), settings of `machine` scope such as
     * coderDind.coder.path are read only from the machine's settings.
     */
    settings(extra = {}) {
      for (const scope of ['User', 'Machine']) {
        mkdirSync(join(dirs.userData, scope), { recursive: true });
        writeFileSync(join(dirs.userData, scope, 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...extra }, null, 2));
      }
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

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
  liveGroups.add(child.pid);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: -1, signal: null, error }));
  });
  return { child, logFile, exited };
}

async function stopGroup(pgid, exited) {
  if (!liveGroups.has(pgid)) return;
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  await Promise.race([exited, limit(2_000)]);
  liveGroups.delete(pgid);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A time limit for Promise.race that does not keep the process alive once the race is decided. */
function limit(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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

/** Launches Debian's Chromium headless (or headed with E2E_HEADED=1) with a fresh profile in the sandbox. */
export async function launchBrowser(sandbox, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  const headless = process.env.E2E_HEADED !== '1';
  const context = await chromium.launchPersistentContext(sandbox.browserProfile, {
    executablePath: paths.chromium,
    headless,
    viewport,
    deviceScaleFactor: 1,
    env: { ...process.env, [SANDBOX_ENV]: sandbox.root },
    args: [
      ...(headless ? ['--headless'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), limit(10_000)]);
  };
  const unregister = onInterrupt(close);
  return {
    context,
    async close() {
      unregister();
      await close();
    },
  };
}

/** Processes (other than this one) whose environment or command line names the sandbox. */
export function findSurvivors(sandboxRoot) {
  // An empty or relative root would match every process on the machine.
  if (typeof sandboxRoot !== 'string' || !sandboxRoot.startsWith(tmpdir()) || sandboxRoot.length < tmpdir().length + 10) {
    throw new Error(`findSurvivors: ${JSON.stringify(sandboxRoot)} is not a harness sandbox`);
  }
  const found = [];
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if (environ.includes(`${SANDBOX_ENV}=${sandboxRoot}`) || cmdline.includes(sandboxRoot)) {
        found.push({ pid: Number(entry), cmdline: cmdline.split('\0').join(' ').trim() });
      }
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return found;
}

/**
 * After a run: waits briefly for processes to go, then kills and reports any that are left.
 * Returns the survivors found (an empty list is the only good result).
 */
export async function reapSurvivors(sandboxRoot) {
  let survivors = findSurvivors(sandboxRoot);
  const deadline = Date.now() + 5_000;
  while (survivors.length && Date.now() < deadline) {
    await sleep(200);
    survivors = findSurvivors(sandboxRoot);
  }
  for (const { pid } of survivors) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return survivors;
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
