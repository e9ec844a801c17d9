import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ClientCommands } from '../../shared/src/protocol';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const REPOSITORY = 'https://github.com/coder-dind/coder-dind';

function packageScript(args: string[]) {
  assert.ok(existsSync(path.join(root, 'dist', 'server.js')), 'dist/ is missing: run npm run build first (npm test does)');
  // stdin closed: a vsce question ("LICENSE not found. Continue?") fails instead of waiting.
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--no-build', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

function filesUnder(dir: string, prefix: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(path.join(dir, name)).isDirectory() ? filesUnder(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

/** Walkthrough steps with their `command:` buttons and media. */
const STEPS: Array<{ id: string; description: string; media: { image: string } }> = manifest.contributes.walkthroughs.flatMap(
  (w: { steps: unknown[] }) => w.steps,
);

/** What the extension needs at run time, named from the sources rather than from .vscodeignore. */
function intendedFiles(): string[] {
  return [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'language-configuration.json',
    manifest.icon,
    // The client, the server, hcl-syntax's worker, the CLI (so that `coder-dind lsp --stdio` also
    // runs from an installed extension's folder) and the workspace preview's page, with the WebAssembly they load.
    ...['client.js', 'server.js', 'hcl-worker.js', 'cli.js', 'preview.js', 'tree-sitter-terraform.wasm', 'web-tree-sitter.wasm', 'hcl2json.wasm.gz'].map((f) => `dist/${f}`),
    ...filesUnder(path.join(root, 'server', 'src', 'scaffold', 'templates'), 'dist/templates/'),
    ...readdirSync(path.join(root, 'docs', 'rules')).map((f) => `docs/rules/${f}`),
    ...manifest.contributes.snippets.map((s: { path: string }) => path.posix.normalize(s.path)),
    ...manifest.contributes.grammars.map((g: { path: string }) => path.posix.normalize(g.path)),
    ...STEPS.map((step) => step.media.image),
  ].sort();
}

describe('the VSIX', () => {
  it('holds exactly the files the extension needs (vsce ls)', () => {
    const listed = packageScript(['--list']);
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.split('\n').filter(Boolean).sort();
    assert.deepEqual(files, [...new Set(intendedFiles())].sort());
  });

  it('is packaged by vsce without a warning, with nothing silenced', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coder-dind-vsix-'));
    try {
      const out = path.join(dir, 'test.vsix');
      const packaged = packageScript(['--out', out]);
      // vsce colours its labels whatever NO_COLOR says.
      const output = `${packaged.stdout}\n${packaged.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
      assert.equal(packaged.status, 0, output);
      assert.ok(statSync(out).size > 0, 'no VSIX written');
      assert.match(output, /DONE\s+Packaged/);
      assert.doesNotMatch(output, /WARN/i);
      assert.doesNotMatch(readFileSync(path.join(root, 'scripts', 'package.mjs'), 'utf8'), /'--(allow-[a-z-]+|skip-license|no-rewrite-relative-links)'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has the Marketplace metadata: icon, licence, changelog, repository, banner, keywords', () => {
    const icon = readFileSync(path.join(root, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'the icon is 128 × 128 (IHDR)');
    assert.ok(existsSync(path.join(root, 'docs', 'images', 'icon.svg')), 'the icon is rendered from docs/images/icon.svg (scripts/icon.mjs)');
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} /);
    const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /keepachangelog\.com/);
    assert.match(changelog, /^## \[(Unreleased|\d+\.\d+\.\d+)\]/m);
    assert.deepEqual(
      [manifest.repository.url, manifest.bugs.url, manifest.homepage],
      [`${REPOSITORY}.git`, `${REPOSITORY}/issues`, `${REPOSITORY}#readme`],
    );
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
  });
});

describe('contributed commands and the walkthrough', () => {
  const registered = new Set<string>(Object.values(ClientCommands));
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);

  it('contributes only commands the client registers, each titled under "Coder"', () => {
    for (const c of manifest.contributes.commands) {
      assert.ok(registered.has(c.command), `${c.command} is contributed but not in ClientCommands`);
      assert.equal(c.category, 'Coder', c.command);
    }
    for (const id of [ClientCommands.restartServer, ClientCommands.showOutput]) assert.ok(contributed.includes(id), `${id} is not in the palette`);
    const hidden = manifest.contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command);
    assert.deepEqual(hidden, [], 'no contributed command is hidden from the palette');
  });

  it('gives every step a button that runs a contributed command, and a picture that exists', () => {
    assert.deepEqual(
      STEPS.map((s) => s.id),
      ['scaffold', 'fix', 'ci', 'push'],
    );
    for (const step of STEPS) {
      const buttons = [...step.description.matchAll(/^\[[^\]]+\]\(command:([\w.]+)\)$/gm)].map((m) => m[1]);
      assert.equal(buttons.length, 1, `step ${step.id} has one button on a line of its own: ${step.description}`);
      assert.ok(contributed.includes(buttons[0]), `step ${step.id}'s button runs ${buttons[0]}, which is not contributed`);
      const picture = readFileSync(path.join(root, step.media.image));
      assert.equal(picture.subarray(1, 4).toString('latin1'), 'PNG', `${step.media.image} is a PNG`);
    }
  });
});
