import { expect, test } from '@playwright/test';
import { codeOf, replaceCode } from './cell-helpers';

const LOCALES = [
  { name: 'zh-Hans', prefix: '', run: '运行', heading: 'StatefulSet 有序创建与扩缩容' },
  { name: 'en', prefix: '/en', run: 'Run', heading: 'StatefulSet: ordered creation and scaling' },
];

for (const locale of LOCALES) {
  test.describe(`ordered creation chapter (${locale.name})`, () => {
    test('the cell runs in the browser and prints web-0, web-1, web-2', async ({ page }) => {
      const wasmRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.wasm')) wasmRequests.push(r.url());
      });
      await page.goto(`${locale.prefix}/docs/statefulset/ordered-creation`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale.heading);
      const cell = page.locator('[data-cell][data-cell-id="sts-ordered-create"]');
      await expect(cell.locator('[data-cell-run]')).toHaveText(locale.run);
      await cell.locator('[data-cell-run]').click();
      const output = cell.locator('[data-cell-output]');
      await expect(output).toHaveAttribute('data-state', 'done');
      const text = await output.innerText();
      expect(text).toContain('statefulset.apps/web created');
      // After 1 s only web-0 exists, still being created; once settled all three run, in ordinal order.
      const [early, settled] = text.split(/After 1 second:|1 秒后：/)[1].split(/Once settled:|稳定后：/);
      expect(early).toMatch(/web-0\s+0\/1\s+ContainerCreating/);
      expect(early).not.toContain('web-1');
      const rows = settled.split('\n').filter((l) => l.startsWith('web-'));
      expect(rows.map((r) => r.split(/\s+/).slice(0, 3).join(' '))).toEqual([
        'web-0 1/1 Running',
        'web-1 1/1 Running',
        'web-2 1/1 Running',
      ]);
      // An unedited cell was compiled at build time: no compiler download.
      expect(wasmRequests).toEqual([]);
    });

    test('an edited cell is compiled in the browser and runs', async ({ page }) => {
      await page.goto(`${locale.prefix}/docs/statefulset/ordered-creation`);
      const cell = page.locator('[data-cell][data-cell-id="sts-scale"]');
      await expect(cell.locator('[data-cell-editor="codemirror"]')).toBeVisible();
      const code = await codeOf(cell);
      await replaceCode(page, cell, code.replace('--replicas=2', '--replicas=1'));
      await expect(cell.locator('[data-cell-modified]')).toBeVisible();
      await cell.locator('[data-cell-run]').click();
      const output = cell.locator('[data-cell-output]');
      await expect(output).toHaveAttribute('data-state', 'done');
      await expect(output).toContainText('web-4 → web-3 → web-2 → web-1');
      await cell.locator('[data-cell-reset]').click();
      await expect.poll(() => codeOf(cell)).toBe(code);
    });
  });
}

test('the locale dropdown switches between Chinese and English', async ({ page }) => {
  await page.goto('/docs/statefulset/ordered-creation');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('button', { name: '简体中文' }).hover();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/docs\/statefulset\/ordered-creation$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('StatefulSet: ordered creation and scaling');
});

test('the landing page links to the first chapter in both languages', async ({ page }) => {
  for (const [prefix, label] of [
    ['', '从第一章开始'],
    ['/en', 'Start with chapter one'],
  ]) {
    await page.goto(`${prefix}/`);
    await page.getByRole('link', { name: new RegExp(label) }).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/docs/overview$`));
  }
});
