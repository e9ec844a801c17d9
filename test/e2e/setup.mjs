#!/usr/bin/env node
// Installs, once, the tools the real-VS-Code tests need, into the git-ignored folder .e2e/ at the repo
// root: Node 24 (the npm package `node`), code-server (its native modules are built against Node 24's
// headers) and playwright-core (no browser download: Debian's chromium is driven instead).
// Run again, it only checks the versions. Usage: node test/e2e/setup.mjs [--check]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths, VERSIONS } from './lib/paths.mjs';

const checkOnly = process.argv.includes('--check');
const started = Date.now();
const log = (msg) => console.log(`[e2e setup ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

function installedVersion(prefix, name) {
  const file = join(prefix, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status;
}

/** Debian packages the harness needs: the browser, and the Kerberos headers code-server's build needs. */
function ensureDebianPackages() {
  const missing = [];
  if (!existsSync(paths.chromium)) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!missing.length) {
    log(`debian packages present (chromium at ${paths.chromium}, libkrb5-dev)`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (checkOnly || !isRoot) {
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(', ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) throw new Error('apt-get update failed');
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env }) !== 0) {
    throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
  log('debian packages installed');
}

/** Installs `name@version` into its own folder under .e2e/ unless that exact version is there. */
/**
 * The environment for a nested `npm install`, without what an outer npm (`npm test`) exported: npm reads
 * every `npm_config_*` variable as its own configuration, and code-server's postinstall reads the Node
 * version from the inherited `npm_config_user_agent`, so the outer npm's Node 20 would be seen instead of
 * the Node 24 the install runs on.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function ensureNpmPackage(label, prefix, name, version, env = cleanEnv()) {
  const have = installedVersion(prefix, name);
  if (have === version) {
    log(`${label}: ${name}@${version} present`);
    return;
  }
  if (checkOnly) throw new Error(`${label}: ${name}@${version} is not installed (have ${have ?? 'nothing'}); run npm run e2e:setup`);
  const t0 = Date.now();
  log(`${label}: installing ${name}@${version}${have ? ` (replacing ${have})` : ''} into ${prefix} (log: ${label}-install.log)`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps npm from treating the repo as the project to install into.
  writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: `e2e-${label}`, private: true }, null, 2) + '\n');
  // The native builds print thousands of compiler lines; keep them in a log and show its end on failure.
  const logFile = join(paths.cache, `${label}-install.log`);
  const logFd = openSync(logFile, 'w');
  let status;
  try {
    status = run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', '--loglevel', 'warn', `${name}@${version}`],
      { cwd: prefix, env, stdio: ['ignore', logFd, logFd] },
    );
  } finally {
    closeSync(logFd);
  }
  if (status !== 0 || installedVersion(prefix, name) !== version) {
    rmSync(join(prefix, 'node_modules'), { recursive: true, force: true });
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${label}: npm install ${name}@${version} failed (exit ${status}); end of ${logFile}:\n${tail}`);
  }
  log(`${label}: installed ${name}@${version} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

function nodeVersion(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

try {
  log(`cache folder ${paths.cache}`);
  mkdirSync(paths.cache, { recursive: true });
  ensureDebianPackages();

  ensureNpmPackage('node24', paths.node24Prefix, 'node', VERSIONS.node);
  const node24Version = nodeVersion(paths.node24);
  if (node24Version !== `v${VERSIONS.node}`) throw new Error(`expected ${paths.node24} to be v${VERSIONS.node}, got ${node24Version}`);

  // code-server's postinstall checks for Node 24 and builds native modules (sqlite3, kerberos, ...);
  // node-gyp must use the headers that ship with the node package instead of downloading them.
  const buildEnv = cleanEnv({
    PATH: `${paths.node24BinDir}:${process.env.PATH}`,
    npm_config_nodedir: paths.node24Home,
    npm_config_update_notifier: 'false',
  });
  ensureNpmPackage('code-server', paths.codeServerPrefix, 'code-server', VERSIONS.codeServer, buildEnv);
  ensureNpmPackage('playwright', paths.playwrightPrefix, 'playwright-core', VERSIONS.playwright, cleanEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }));

  const cs = spawnSync(paths.node24, [paths.codeServerEntry, '--version'], { encoding: 'utf8' });
  if (cs.status !== 0) throw new Error(`code-server --version failed: ${cs.stderr}`);
  log(`code-server ${cs.stdout.trim().split('\n').pop()}`);
  const chromium = spawnSync(paths.chromium, ['--version'], { encoding: 'utf8' });
  log(`browser ${chromium.stdout.trim()}`);
  log('ready');
} catch (error) {
  console.error(`[e2e setup] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
