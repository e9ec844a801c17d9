// Starts and stops code-server (and the browser that drives it) for the end-to-end tests.
//
// Every run gets a sandbox: a fresh temp folder holding code-server's user data, extensions, config,
// XDG folders and TMPDIR, the Chromium profile and the workspace fixtures. code-server runs detached
// (its own session and process group), so stopping it kills the extension host, the language server
// and the file watchers with it; a guard process (guard.cjs) kills that group if the harness itself dies
// without cleaning up. Every process the harness starts carries CODER_DIND_E2E_SANDBOX in its
// environment, which is how `findSurvivors` finds anything left behind.
//
// The parts: sandbox.mjs (the temp folder and settings), processGroups.mjs (groups and cleanups),
// codeServer.mjs (install, start, stop), browser.mjs (Chromium) and survivors.mjs; this file is the
// one import the runners and `npm start` use.
export { loadPlaywright, launchBrowser } from './browser.mjs';
export { freePort, installVsix, startCodeServer, tail } from './codeServer.mjs';
export { onInterrupt, sleep } from './processGroups.mjs';
export { createSandbox, requireSetup, SANDBOX_ENV, WORKBENCH_SETTINGS } from './sandbox.mjs';
export { findSurvivors, reapSurvivors } from './survivors.mjs';
