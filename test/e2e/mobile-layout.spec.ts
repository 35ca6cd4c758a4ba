import { expect, test } from '@playwright/test';

// On a phone-sized screen no page scrolls sideways: wide code and tables scroll inside their own boxes.
test.use({ viewport: { width: 390, height: 844 } });

for (const path of ['/', '/en/', '/docs/statefulset/ordered-creation', '/en/docs/statefulset/ordered-creation']) {
  test(`${path} has no horizontal scroll on a phone`, async ({ page }) => {
    await page.goto(path);
    const cell = page.locator('[data-cell]').first();
    if ((await cell.count()) > 0) {
      await cell.locator('[data-cell-run]').click();
      await expect(cell.locator('[data-cell-output]')).toHaveAttribute('data-state', 'done');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
