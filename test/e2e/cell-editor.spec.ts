import { expect, test } from '@playwright/test';
import { cell, codeOf, editorOf, LOCALES, PLAYGROUND, replaceCode, runAndWait, wasmRequests } from './cell-helpers';

const LABELS = {
  'zh-Hans': { copy: '复制', copied: '已复制', modified: '已修改', reset: '重置' },
  en: { copy: 'Copy', copied: 'Copied', modified: 'edited', reset: 'Reset' },
};

for (const locale of LOCALES) {
  const labels = LABELS[locale.name];

  test.describe(`cell editor (${locale.name})`, () => {
    test('the static HTML shows the code without JavaScript', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const code = cell(page, 'playground-hello').locator('pre code');
      await expect(code).toContainText('const cluster = new Cluster({ seed: 1 });');
      await expect(code).toBeVisible();
      await context.close();
    });

    test('an unedited cell runs without downloading the compiler', async ({ page }) => {
      const wasm = wasmRequests(page);
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const hello = cell(page, 'playground-hello');
      await editorOf(hello);
      const output = await runAndWait(hello);
      await expect(output).toContainText('node-1');
      expect(wasm).toEqual([]);
    });

    test('an edited cell compiles in the browser, keeps its edit over a reload, and Reset restores it', async ({
      page,
    }) => {
      const wasm = wasmRequests(page);
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const hello = cell(page, 'playground-hello');
      await editorOf(hello);
      const original = await codeOf(hello);
      const edited = 'const answer: number = 6 * 7;\nconsole.log(`answer=${answer}`);';
      await replaceCode(page, hello, edited);
      await expect(hello.locator('[data-cell-modified]')).toHaveText(labels.modified);
      const output = await runAndWait(hello);
      await expect(output).toHaveText('answer=42');
      expect(wasm.length).toBeGreaterThan(0);

      await page.reload();
      await editorOf(hello);
      expect(await codeOf(hello)).toBe(edited);
      await expect(hello.locator('[data-cell-modified]')).toBeVisible();
      await hello.locator('[data-cell-reset]').click();
      await expect.poll(() => codeOf(hello)).toBe(original);
      await expect(hello.locator('[data-cell-modified]')).toHaveCount(0);
      await page.reload();
      await editorOf(hello);
      expect(await codeOf(hello)).toBe(original);
    });

    test('Copy puts the current code on the clipboard', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const hello = cell(page, 'playground-hello');
      await replaceCode(page, hello, 'console.log("copied code");');
      const copy = hello.locator('[data-cell-copy]');
      await expect(copy).toHaveText(labels.copy);
      await copy.click();
      await expect(copy).toHaveText(labels.copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('console.log("copied code");');
      await hello.locator('[data-cell-reset]').click();
    });

    test('works with the keyboard alone: Tab in, type, Ctrl-Enter runs, Esc then Tab leaves', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const hello = cell(page, 'playground-hello');
      const editor = await editorOf(hello);
      const inEditor = () => editor.evaluate((el) => el.contains(document.activeElement));
      // Tab from the top of the page until the editor has focus.
      await page.locator('body').focus();
      let presses = 0;
      while (!(await inEditor())) {
        await page.keyboard.press('Tab');
        expect(++presses, 'Tab reaches the editor').toBeLessThan(80);
      }
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('console.log("typed-" + 42);');
      await page.keyboard.press('Escape'); // closes the completion list if one is open
      await page.keyboard.press('ControlOrMeta+Enter');
      const output = hello.locator('[data-cell-output]');
      await expect(output).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      await expect(output).toContainText('typed-42');
      expect(await inEditor()).toBe(true);
      // Tab alone indents inside the editor…
      await page.keyboard.press('Tab');
      expect(await inEditor()).toBe(true);
      // …while Esc then Tab moves focus on.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await inEditor()).toBe(false);
      await hello.locator('[data-cell-reset]').click();
    });
  });
}

test('an edit is compiled while the reader pauses, and its errors wait for Run', async ({ page }) => {
  await page.goto(PLAYGROUND);
  const hello = cell(page, 'playground-hello');
  const output = hello.locator('[data-cell-output]');
  const compiles = () => page.evaluate(() => performance.getEntriesByName('cell:esbuild').length);
  await replaceCode(page, hello, 'console.log("first");');
  await expect(await runAndWait(hello)).toHaveText('first');

  // Typing a broken edit compiles it in the background but shows nothing until Run.
  const before = await compiles();
  await replaceCode(page, hello, 'const x: number = ;');
  await expect.poll(compiles).toBeGreaterThan(before);
  await expect(output).toHaveAttribute('data-state', 'done');
  await expect(output).toHaveText('first');
  await expect(await runAndWait(hello, 'error')).toContainText('cell.ts:1:19');

  // A good edit compiled in the background is not compiled again by Run.
  const broken = await compiles();
  await replaceCode(page, hello, 'console.log("second");');
  await expect.poll(compiles).toBeGreaterThan(broken);
  const compiled = await compiles();
  await expect(await runAndWait(hello)).toHaveText('second');
  expect(await compiles()).toBe(compiled);
  await hello.locator('[data-cell-reset]').click();
});

test('the editor completes the kubesim API', async ({ page }) => {
  await page.goto(`/en${PLAYGROUND}`);
  const hello = cell(page, 'playground-hello');
  await (await editorOf(hello)).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('cluster.');
  await page.keyboard.type('sett');
  const options = page.locator('.cm-tooltip-autocomplete li');
  await expect(options.first()).toContainText('settle');
  // CodeMirror ignores Enter for a moment after the list (re)opens (interactionDelay), against accidental picks.
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await expect.poll(() => codeOf(hello)).toMatch(/\ncluster\.settle$/);
  await hello.locator('[data-cell-reset]').click();
});
