import { expect, test } from '@playwright/test';
import { cell, editorOf, LOCALES, PLAYGROUND, replaceCode, runAndWait } from './cell-helpers';

for (const locale of LOCALES) {
  test.describe(`session cells (${locale.name})`, () => {
    test('running the second cell first runs the first, each output in its own box', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const create = cell(page, 'playground-session-create');
      const scale = cell(page, 'playground-session-scale');
      const scaled = await runAndWait(scale);
      // The first cell ran too, into its own output box.
      const created = create.locator('[data-cell-output]');
      await expect(created).toHaveAttribute('data-state', 'done');
      await expect(created).toContainText(/db-0\s+1\/1\s+Running/);
      await expect(created).not.toContainText('db-2');
      await expect(scaled).toContainText('statefulset.apps/db scaled');
      await expect(scaled).toContainText(/db-3\s+1\/1\s+Running/);

      // Running the second cell again reuses the session: the cluster is already scaled to 4.
      await replaceCode(page, scale, 'console.log(cluster.list("Pod").length, typeof Cluster);');
      const again = await runAndWait(scale);
      await expect(again).toHaveText('4 function');
      await scale.locator('[data-cell-reset]').click();
    });

    test('a timeout restarts the session, and earlier cells run again when needed', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const create = cell(page, 'playground-session-create');
      const scale = cell(page, 'playground-session-scale');
      await runAndWait(create);
      await editorOf(scale);
      await replaceCode(page, scale, 'while (true) {}');
      await runAndWait(scale, 'timeout');
      // After the restart the first cell must run again before the second, so its output is fresh.
      await replaceCode(page, scale, 'console.log("pods:", cluster.list("Pod").length);');
      await page.evaluate(() => {
        const output = document.querySelector('[data-cell-id="playground-session-create"] [data-cell-output]');
        output?.setAttribute('data-state', 'stale');
      });
      const output = await runAndWait(scale);
      await expect(output).toHaveText('pods: 2');
      await expect(create.locator('[data-cell-output]')).toHaveAttribute('data-state', 'done');
      await scale.locator('[data-cell-reset]').click();
    });

    test('Reset of a session cell restarts the session', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const create = cell(page, 'playground-session-create');
      const scale = cell(page, 'playground-session-scale');
      await editorOf(scale);
      await replaceCode(page, scale, 'globalThis.counter = (globalThis.counter ?? 0) + 1;\nconsole.log(counter);');
      await expect(await runAndWait(scale)).toHaveText('1');
      await expect(await runAndWait(scale)).toHaveText('2');
      await create.locator('[data-cell-reset]').click();
      await expect(await runAndWait(scale)).toHaveText('1');
      await scale.locator('[data-cell-reset]').click();
    });
  });
}
