// The language server's views in the workbench: the language status hover ("{}" beside the language mode)
// with its rows and links, and the Output panel showing a channel. Functions of a Workbench (lib/workbench.mjs).

/**
 * Hovers the language status ("{}" beside the language mode) and returns its rows as
 * { text, detail, links }: the item's text and detail, and the labels of its links (in the detail, and
 * its command).
 */
export async function languageStatus(wb) {
  return wb.retry('the language status hover', async () => {
    const entry = wb.page.locator('[id="status.languageStatus"]');
    await entry.waitFor({ timeout: 5_000 });
    // Leave first: hovering again renders the items as they are now.
    await wb.page.mouse.move(1, 1);
    await entry.hover();
    const rows = wb.page.locator('.hover-language-status');
    await rows.first().waitFor({ timeout: 5_000 });
    return rows.evaluateAll((els) =>
      els.map((el) => {
        // The left column holds the item's text, a separator, then its detail.
        const parts = { text: '', detail: '' };
        let part = 'text';
        for (const node of el.querySelector('.left')?.childNodes ?? []) {
          if (node.classList?.contains('separator')) part = 'detail';
          else parts[part] += node.textContent;
        }
        const clean = (t) => t.replace(/\u00a0/g, ' ').trim();
        return { text: clean(parts.text), detail: clean(parts.detail), links: [...el.querySelectorAll('a.monaco-link')].map((a) => a.textContent.trim()) };
      }),
    );
  });
}

/** Clicks a link (by its label) of the language status row whose text is `row`. */
export async function clickLanguageStatusLink(wb, row, label) {
  await wb.poll(() => languageStatus(wb), (rows) => rows.some((r) => r.text === row && r.links.includes(label)), `a language status row "${row}" with a "${label}" link`);
  const link = wb.page.locator('.hover-language-status', { hasText: row }).locator('a.monaco-link', { hasText: label }).first();
  await link.click();
}

/** Waits until the Output panel shows `channel` and its text matches `pattern`; returns the text. */
export async function outputChannel(wb, channel, pattern) {
  const output = wb.page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
  await output.waitFor({ state: 'visible', timeout: 45_000 });
  await wb.poll(
    () => wb.page.locator('.part.panel select').evaluateAll((els) => els.map((el) => el.selectedOptions[0]?.textContent ?? '')),
    (selected) => selected.includes(channel),
    `the Output panel to have the ${channel} channel selected`,
  );
  return wb.poll(
    () => output.locator('.view-lines').innerText().then((t) => t.replace(/\u00a0/g, ' ')),
    (t) => pattern.test(t),
    `the ${channel} output to match ${pattern}`,
  );
}
