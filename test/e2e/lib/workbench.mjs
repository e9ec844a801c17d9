// Drives the VS Code workbench (served by code-server) through its DOM with Playwright: open a folder,
// open a file, move the cursor, read the editor, the Problems panel, the suggest widget, hovers, the
// quick fix menu, run palette commands. Every wait has a limit so a broken run fails with what it saw
// instead of hanging; none of them asserts on timing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WAIT_MS = 45_000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, serverUrl) {
    this.page = page;
    this.serverUrl = serverUrl;
  }

  async open(folder) {
    await this.page.goto(`${this.serverUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: WAIT_MS });
    // The status bar shows the remote connection once the server side is ready.
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: WAIT_MS });
  }

  /** Opens a file of the workspace by name through Quick Open (Ctrl+P). */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: WAIT_MS });
    await this.editor().locator('.view-lines').waitFor({ timeout: WAIT_MS });
    await this.focusEditor();
  }

  /** The active text editor. */
  editor() {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async focusEditor() {
    await this.editor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** Gives the active editor the keyboard focus without moving its cursor. */
  async keepEditorFocus() {
    // Monaco takes keyboard input in a hidden textarea, or in a div with EditContext in newer versions.
    const focused = await this.editor().evaluate((editor) => {
      const target = editor.querySelector('.native-edit-context, textarea.inputarea, textarea');
      if (!target) return false;
      target.focus();
      return editor.contains(document.activeElement);
    });
    if (!focused) await this.focusEditor();
  }

  /** Lines of the active editor as rendered (only what is on screen; fixtures are short on purpose). */
  async editorText() {
    return this.editor().evaluate((editor) => {
      const lines = [...editor.querySelectorAll('.view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((line) => line.textContent.replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  /** Waits until the editor's rendered text satisfies `predicate`; returns it. */
  async waitForEditorText(predicate, what) {
    return this.poll(() => this.editorText(), predicate, `editor text ${what}`);
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goTo(line, column = 1) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its text once `predicate` holds. */
  async problems(predicate = (text) => text.length > 0, what = 'to show problems') {
    const panel = this.page.locator('.markers-panel');
    // The key toggles: on a Problems panel that has the focus (a palette command gives it back), it would
    // close the panel.
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: WAIT_MS });
    return this.poll(() => panel.innerText(), predicate, `Problems panel ${what}`);
  }

  /** Rows of the Problems panel as { text, ariaLabel }. */
  async problemRows() {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({ text: row.innerText, ariaLabel: row.getAttribute('aria-label') ?? '' })),
    );
  }

  async closePanel() {
    await this.command('View: Hide Panel');
  }

  /** Opens the quick fix menu (Ctrl+.) at the cursor and returns the labels of its actions. */
  async openQuickFixMenu() {
    // The code actions come from the language server; a busy machine may answer after the first try.
    return this.retry('the quick fix menu', async () => {
      await this.keepEditorFocus();
      await this.page.keyboard.press('Control+.');
      const rows = this.page.locator('.action-widget .monaco-list-row.action');
      await rows.first().waitFor({ timeout: 5_000 });
      return rows.evaluateAll((els) => els.map((el) => el.innerText.trim()));
    });
  }

  /** Chooses an action of the open quick fix menu by its label. */
  async chooseQuickFix(matcher) {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: matcher }).first();
    await row.click();
    await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /**
   * Triggers completion (Ctrl+Space) and returns the suggestion labels. Right after a file opens the
   * language server may not answer yet ("No suggestions."), so it retries until the limit.
   */
  async completion() {
    return this.retry('the suggest widget to list suggestions', async () => {
      await this.keepEditorFocus();
      await this.page.keyboard.press('Control+Space');
      const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor({ timeout: 5_000 });
      return rows.evaluateAll((els) =>
        els.map((el) => (el.querySelector('.label-name')?.textContent ?? el.getAttribute('aria-label') ?? '').trim()),
      );
    });
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text, retrying like completion(). */
  async hover() {
    return this.retry('a hover with text', async () => {
      await this.keepEditorFocus();
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      const hover = this.page
        .locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents')
        .first();
      await hover.waitFor({ timeout: 5_000 });
      const text = await this.poll(() => hover.innerText(), (t) => t.trim().length > 0 && !/^Loading/.test(t.trim()), 'hover to have text', 5_000);
      return text;
    });
  }

  /** Runs `attempt` until it resolves; between failed attempts presses Escape. Fails at the limit. */
  async retry(what, attempt) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`waited for ${what}: ${error.message}`);
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(500);
      }
    }
  }

  /**
   * Runs a command from the palette (F1) by its label (`run: false` only finds its row). The palette lists
   * the commands known when it opens; right after the window loads, the remote extensions' commands may
   * not be registered yet, so it is closed and opened again until the command shows up.
   */
  async command(label, { run = true } = {}) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: WAIT_MS });
      await input.fill(`>${label}`);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      try {
        await row.waitFor({ timeout: 5_000 });
        if (run) await row.click();
        return row;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the command palette never listed "${label}": ${error.message}`);
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(500);
      }
    }
  }

  /**
   * Presses Enter in the quick input when one is open (accepting its default). The key goes to the input
   * element itself, never to the editor behind it.
   */
  async acceptQuickInput() {
    const input = this.page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
    if (!(await input.isVisible())) return false;
    try {
      await input.press('Enter', { timeout: 2_000 });
      return true;
    } catch {
      return false;
    }
  }

  /** Labels of the rows of the open quick pick. */
  async quickPickItems() {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: WAIT_MS });
    return rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.innerText.trim()));
  }

  /** Texts of the visible notification toasts. */
  async notifications() {
    return this.page.locator('.notifications-toasts .notification-toast').evaluateAll((els) => els.map((el) => el.innerText));
  }

  async waitForNotification(matcher, what) {
    return this.poll(() => this.notifications(), (texts) => texts.some((t) => matcher.test(t)), `a notification ${what}`);
  }

  /** The text of the status bar. */
  async statusBar() {
    return this.page.locator('#workbench\\.parts\\.statusbar').innerText();
  }

  /**
   * Saves a screenshot of the page, or with `around` (locators, or { x, y, width, height } boxes) of the
   * part of the page that holds them, with a margin: the walkthrough's pictures show one widget large
   * enough to read.
   */
  async screenshot(dir, name, around = []) {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.png`);
    let clip;
    if (around.length) {
      const boxes = (await Promise.all(around.map((l) => ('width' in l ? l : l.first().boundingBox())))).filter(Boolean);
      if (!boxes.length) throw new Error(`screenshot ${name}: none of the parts to show is on screen`);
      const view = this.page.viewportSize();
      const margin = 24;
      const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
      const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
      const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
      const bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
      clip = { x, y, width: right - x, height: bottom - y };
    }
    await this.page.screenshot({ path: file, clip });
    return file;
  }

  /** Reads `read()` until `predicate` holds; on the limit, fails with the last value seen. */
  async poll(read, predicate, what, limitMs = WAIT_MS) {
    const deadline = Date.now() + limitMs;
    let last;
    for (;;) {
      try {
        last = await read();
        if (predicate(last)) return last;
      } catch (error) {
        last = `(error: ${error.message})`;
      }
      if (Date.now() > deadline) {
        throw new Error(`waited for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 1500)}`);
      }
      await this.page.waitForTimeout(200);
    }
  }
}
