// What several UI test files share: positions in fixtures, the probe edit that only a live language server
// reports, the method ids, the server's output channel.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(file, needle, offsetInNeedle = 0) {
  const text = readFileSync(file, 'utf8');
  const index = text.indexOf(needle);
  assert.notEqual(index, -1, `${file} lacks ${needle}`);
  const before = text.slice(0, index + offsetInNeedle);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * Types `probe_<n> = var.probe_<n>` as the first line of the locals block of main.tf; only a live server
 * reports it (undefined-reference).
 */
/**
 * Like wb.goTo, but focusing the editor without clicking: with the Problems panel open, or after a
 * reveal, the editor is scrolled, and the click target of wb.focusEditor (the top of the text) is out of view.
 */
export async function goToKeepingFocus(wb, line, column) {
  await wb.keepEditorFocus();
  await wb.page.keyboard.press('Control+G');
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 45_000 });
  await input.fill(`:${line}:${column}`);
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 45_000 });
}

export async function typeProbe(wb, folder, n) {
  const at = positionOf(join(folder, 'main.tf'), 'locals {', 'locals {'.length);
  await goToKeepingFocus(wb, at.line, at.column);
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.type(`probe_${n} = var.probe_${n}`);
  await wb.page.keyboard.press('Escape');
  await wb.waitForEditorText((t) => t.includes(`probe_${n} = var.probe_${n}`), `to hold probe_${n}`);
}

export const OUTPUT_CHANNEL = 'Coder Docker-in-Workspace';

export const METHOD_IDS = [
  'sysbox-docker',
  'sysbox-kubernetes',
  'envbox',
  'rootless-podman',
  'privileged-sidecar-docker',
  'privileged-sidecar-kubernetes',
  'systemd-sysbox',
];

/** Files named `name` under `dir`, at any depth. */
export function findFiles(dir, name, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) findFiles(full, name, out);
    else if (entry === name) out.push(full);
  }
  return out;
}
