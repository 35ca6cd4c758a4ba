import { expect, test } from '@playwright/test';
import { cell, editorOf, PLAYGROUND, replaceCode, runAndWait } from './cell-helpers';

// Cells without a session each run in a worker of their own, even though a spare worker is started (and warmed
// up) ahead of each run: nothing one run leaves behind is seen by the next.
test.describe('cell workers', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(PLAYGROUND);
    await editorOf(cell(page, 'playground-hello'));
  });
  test.afterEach(async ({ page }) => {
    for (const id of ['playground-hello', 'playground-display']) {
      const target = cell(page, id);
      if ((await target.locator('[data-cell-modified]').count()) > 0) await target.locator('[data-cell-reset]').click();
    }
  });

  test('independent cells never share a worker, and the spare ran no cell', async ({ page }) => {
    const hello = cell(page, 'playground-hello');
    const other = cell(page, 'playground-display');
    const probe =
      'const g = globalThis as Record<string, unknown>;\nconsole.log(String(g.leftBehind), typeof g.Cluster, typeof g.cluster);';
    // The first run takes the spare worker started when the page became idle: it must look like a new one.
    await replaceCode(page, hello, probe);
    await expect(await runAndWait(hello)).toHaveText('undefined undefined undefined');
    await replaceCode(
      page,
      hello,
      '(globalThis as Record<string, unknown>).leftBehind = "hello";\nconsole.log("set");',
    );
    await expect(await runAndWait(hello)).toHaveText('set');
    // The next runs, of the same cell and of another one, start from a fresh worker again.
    await replaceCode(page, hello, probe);
    await expect(await runAndWait(hello)).toHaveText('undefined undefined undefined');
    await editorOf(other);
    await replaceCode(page, other, probe);
    await expect(await runAndWait(other)).toHaveText('undefined undefined undefined');
  });

  test('a run after a timeout works, in a new worker', async ({ page }) => {
    const hello = cell(page, 'playground-hello');
    await replaceCode(page, hello, '(globalThis as Record<string, unknown>).leftBehind = 1;\nwhile (true) {}');
    await runAndWait(hello, 'timeout');
    await replaceCode(page, hello, 'console.log("after", String((globalThis as Record<string, unknown>).leftBehind));');
    await expect(await runAndWait(hello)).toHaveText('after undefined');
  });
});
