// UI tests of the walkthrough and the commands its buttons run (feature "walkthrough").
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_IDS } from './support.mjs';

/** The walkthrough's steps as the manifest declares them. */
const WALKTHROUGH_STEPS = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).contributes.walkthroughs[0].steps;

export const walkthroughTests = [
  {
    name: 'fix-all',
    feature: 'walkthrough',
    fixture: 'broken-template',
    async run({ wb }) {
      await wb.openFile('main.tf');
      await wb.problems((t) => t.includes('removed-workspace-owner-attribute'), 'to list removed-workspace-owner-attribute');
      await wb.command('Coder: Fix All coder-dind Problems in This File');
      await wb.waitForEditorText(
        (t) => t.includes('data.coder_workspace_owner.me.name') && !t.includes('data.coder_workspace.me.owner'),
        'to use data.coder_workspace_owner.me.name after Fix All',
      );
      await wb.problems((t) => !t.includes('removed-workspace-owner-attribute'), 'to drop the fixed finding');
    },
  },
  {
    name: 'ci-workflow',
    feature: 'walkthrough',
    fixture: 'clean-template',
    async run({ wb, folder, shot }) {
      const workflow = join(folder, '.github', 'workflows', 'coder-dind.yml');
      await wb.openFile('main.tf');
      await wb.command('Coder: Add coder-dind to GitHub Actions');
      await wb.waitForNotification(/Wrote \.github\/workflows\/coder-dind\.yml/, 'saying where the workflow went');
      assert.match(readFileSync(workflow, 'utf8'), /run: npx --yes coder-dind lint \.\n/);
      await wb.page.locator('.tabs-container .tab.active[aria-label*="coder-dind.yml"]').waitFor({ timeout: 45_000 });
      await wb.waitForEditorText((t) => t.includes('coder-dind lint'), 'to show the workflow');
      const tab = await wb.page.locator('.tabs-container .tab.active').boundingBox();
      const lines = await wb.editor().locator('.view-lines').boundingBox();
      await shot('walkthrough-ci', { x: lines.x - 40, y: tab.y, width: 760, height: lines.y - tab.y + 22 * 19 });

      // Again: an existing workflow is opened, never replaced.
      writeFileSync(workflow, '# edited by hand\n');
      await wb.command('Coder: Add coder-dind to GitHub Actions');
      await wb.waitForNotification(/already exists; it was left as it is/, 'saying the workflow was left alone');
      assert.equal(readFileSync(workflow, 'utf8'), '# edited by hand\n');
    },
  },
  // The walkthrough lists its four steps, and each step's button runs our command.
  {
    name: 'walkthrough',
    feature: 'walkthrough',
    fixture: 'empty',
    async run({ wb, folder, shot }) {
      const title = 'Docker in Coder workspaces';
      await wb.command('Welcome: Open Walkthrough...');
      await wb.poll(() => wb.quickPickItems(), (rows) => rows.some((r) => r.startsWith(title)), 'the walkthroughs to list ours');
      await wb.page.locator('.quick-input-widget input').fill(title);
      await wb.page.keyboard.press('Enter');
      const steps = wb.page.locator('.gettingStartedSlideDetails .getting-started-step');
      await wb.poll(
        () => steps.locator('.step-title').allInnerTexts(),
        (titles) => titles.join('|') === 'Scaffold a template|See and fix a finding|Run the same checks in CI|Push the template to Coder',
        'the walkthrough to show its four steps',
      );
      /** Expands a step, checks that its picture (from the VSIX) loads, and clicks its button. */
      const press = async (id, label) => {
        const step = wb.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
        await step.locator('.step-title').click();
        const { altText } = WALKTHROUGH_STEPS.find((st) => st.id === id).media;
        await wb.poll(
          () => wb.page.locator('.gettingStartedSlideDetails .getting-started-media img').evaluateAll((imgs) => imgs.map((img) => ({ alt: img.alt, width: img.naturalWidth }))),
          (imgs) => imgs.some((img) => img.alt === altText && img.width > 0),
          `the picture of step ${id} to load`,
        );
        const button = step.locator('.button-container .monaco-button', { hasText: label });
        await button.waitFor({ state: 'visible', timeout: 45_000 });
        await button.click();
      };
      // Without the side bar, as the walkthrough opens after an install.
      await wb.page.locator('.gettingStartedContainer').click({ position: { x: 5, y: 5 } });
      await wb.page.keyboard.press('Control+B');
      await wb.page.locator('#workbench\\.parts\\.sidebar').waitFor({ state: 'hidden', timeout: 45_000 });
      await wb.poll(() => wb.page.locator('.gettingStartedSlideDetails .getting-started-media img').evaluateAll((imgs) => imgs.some((i) => i.naturalWidth > 0)), Boolean, 'the first picture to load');
      await shot('walkthrough-steps');
      const backToWalkthrough = () => wb.page.locator('.tabs-container .tab', { hasText: 'Welcome' }).click();

      await press('scaffold', 'New Docker-in-Workspace Template…');
      await wb.poll(() => wb.quickPickItems(), (rows) => rows.length >= METHOD_IDS.length && rows.join('\n').includes('sysbox-docker'), 'the method quick pick');
      await wb.page.keyboard.press('Escape');

      await press('fix', 'Fix All coder-dind Problems in This File');
      await wb.waitForNotification(/Open a \.tf file of a Coder template first/, 'asking for a .tf file (nothing is open)');

      await press('ci', 'Add coder-dind to GitHub Actions');
      await wb.waitForNotification(/Wrote \.github\/workflows\/coder-dind\.yml/, 'saying the workflow was written');
      assert.ok(existsSync(join(folder, '.github', 'workflows', 'coder-dind.yml')));
      await backToWalkthrough();

      await press('push', 'Push Template');
      await wb.page.locator('.quick-input-widget', { hasText: 'Template folder to publish' }).waitFor({ timeout: 45_000 });
      await wb.page.keyboard.press('Escape');
    },
  },
];
