// The sandbox of one run: a fresh temp folder holding code-server's user data, extensions, config, XDG
// folders and TMPDIR, the Chromium profile and the workspace fixtures, with quiet workbench settings.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths, VERSIONS } from './paths.mjs';

export const SANDBOX_ENV = 'CODER_DIND_E2E_SANDBOX';

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
