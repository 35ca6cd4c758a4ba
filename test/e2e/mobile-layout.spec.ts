import { expect, test } from '@playwright/test';

// On a phone-sized screen no page scrolls sideways: wide code and tables scroll inside their own boxes.
test.use({ viewport: { width: 390, height: 844 } });

const PAGES = [
  '/',
  '/en/',
  '/docs/statefulset/ordered-creation',
  '/en/docs/statefulset/ordered-creation',
  '/docs/lab/cell-playground',
  '/en/docs/lab/cell-playground',
];

for (const path of PAGES) {
  test(`${path} has no horizontal scroll on a phone`, async ({ page }) => {
    await page.goto(path);
    const cell = page.locator('[data-cell]').first();
    if ((await cell.count()) > 0) {
      await cell.locator('[data-cell-run]').click();
      await expect(cell.locator('[data-cell-output]')).toHaveAttribute('data-state', 'done');
      // Wide rich output (tables, timelines) scrolls inside the cell too.
      const display = page.locator('[data-cell-id="playground-display"]');
      if ((await display.count()) > 0) {
        await display.locator('[data-cell-run]').click();
        await expect(display.locator('[data-cell-output]')).toHaveAttribute('data-state', 'done');
      }
      await expect(cell.locator('[data-cell-editor="codemirror"]')).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
