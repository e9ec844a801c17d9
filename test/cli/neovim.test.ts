import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const root = path.join(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');
const DRIVER = path.join(root, 'test', 'helpers', 'neovim-driver.lua');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvimVersion.status === 0;

/** The README's Neovim 0.7 snippet: the first Lua block that calls vim.lsp.start_client. */
function readmeSnippet(): string {
  const blocks = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]);
  const snippet = blocks.find((b) => b.includes('vim.lsp.start_client'));
  assert.ok(snippet, 'the README has no Neovim 0.7 snippet (vim.lsp.start_client)');
  return snippet;
}

/** Processes that run the bundled server or CLI with `dir` as working directory (from /proc). */
function serversIn(dir: string): number[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if ((args.includes('dist/server.js') || args.includes('dist/cli.js')) && readlinkSync(`/proc/${entry}/cwd`) === dir) found.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

interface Report {
  error?: string;
  filetype?: string;
  client?: string;
  diagnostics?: Array<{ code: string | null; source: string | null }>;
  completion?: string[];
  actions?: string[];
  applied?: string;
  text_after?: string;
  diagnostics_after?: Array<{ code: string | null; source: string | null }>;
  stopped?: boolean;
}

describe('Neovim 0.7 with its built-in LSP client, against coder-dind lsp --stdio', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'shows our findings, completes, and applies a quick fix, with the README\'s init.lua',
    { skip: !hasNvim && !ci ? 'nvim is not installed (apt-get install neovim); CI installs it and never skips this' : false, timeout: 180_000 },
    async () => {
      assert.ok(hasNvim, 'nvim is missing, and with CI=true this test may not be skipped: .ci/run installs Debian\'s neovim');
      assert.match(nvimVersion.stdout, /^NVIM v0\.([7-9]|\d{2})\./, `a Neovim with vim.lsp.start_client: ${nvimVersion.stdout.split('\n')[0]}`);
      assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build first (npm test does)');
      const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-nvim-'));
      dirs.push(dir);
      // `coder-dind` on PATH, as npm link would put it there.
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'coder-dind'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      chmodSync(path.join(bin, 'coder-dind'), 0o755);
      const template = path.join(dir, 'template');
      cpSync(path.join(root, 'examples', 'broken-template'), template, { recursive: true });
      // The snippet as pasted, with one rule turned off where it says rules go: settings reach the server.
      const snippet = readmeSnippet();
      assert.ok(snippet.includes('rules = {}'), 'the snippet has a place for rule settings');
      writeFileSync(path.join(dir, 'init.lua'), snippet.replace('rules = {}', "rules = { ['privileged-container'] = 'off' }"));
      const out = path.join(dir, 'report.json');

      const nvim = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), '-c', `luafile ${DRIVER}`], {
        cwd: template,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          HOME: dir,
          XDG_CONFIG_HOME: path.join(dir, 'config'),
          XDG_DATA_HOME: path.join(dir, 'data'),
          XDG_STATE_HOME: path.join(dir, 'state'),
          XDG_CACHE_HOME: path.join(dir, 'cache'),
          CODER_DIND_NVIM_FILE: path.join(template, 'main.tf'),
          CODER_DIND_NVIM_OUT: out,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      nvim.stderr!.on('data', (chunk) => (stderr += chunk));
      // The driver bounds each of its waits; this only stops a Neovim that hangs outside them.
      const limit = setTimeout(() => nvim.kill('SIGKILL'), 150_000);
      const exit = await new Promise<number | null>((resolve) => nvim.on('exit', (code) => resolve(code)));
      clearTimeout(limit);
      assert.ok(existsSync(out), `Neovim wrote no report (exit ${exit}):\n${stderr}`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      assert.equal(report.error, undefined, `${report.error}\n${stderr}`);
      assert.equal(exit, 0, stderr);

      assert.equal(report.filetype, 'terraform');
      assert.equal(report.client, 'coder-dind');
      const codes = new Set(report.diagnostics!.map((d) => d.code));
      for (const rule of ['removed-workspace-owner-attribute', 'undefined-reference', 'sysbox-privileged', 'deprecated-agent-dir']) {
        assert.ok(codes.has(rule), `no ${rule} among ${[...codes].join(', ')}`);
      }
      assert.ok(!codes.has('privileged-container'), 'privileged-container is off in the settings, yet reported');
      assert.deepEqual([...new Set(report.diagnostics!.map((d) => d.source))], ['coder-dind']);

      assert.ok(report.completion!.includes('coder_agent'), `coder_agent not offered: ${report.completion!.join(', ')}`);

      assert.ok(report.actions!.some((t) => t.startsWith('Ignore removed-workspace-owner-attribute')), `actions: ${report.actions!.join(' | ')}`);
      // The fix rewrites the reference (and declares data.coder_workspace_owner where none is).
      assert.match(report.text_after!, /"coder-\$\{data\.coder_workspace_owner\.me\.name\}-\$\{data\.coder_workspace\.me\.name\}"/, `after "${report.applied}"`);
      assert.doesNotMatch(report.text_after!, /data\.coder_workspace\.me\.owner/);
      assert.ok(!report.diagnostics_after!.some((d) => d.code === 'removed-workspace-owner-attribute'));
      assert.equal(report.stopped, true, 'the client stopped the server');

      // Nothing of the server outlives the editor.
      for (let i = 0; i < 100 && serversIn(template).length; i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(serversIn(template), [], 'a server process outlived Neovim');
    },
  );
});
