import { expect, test } from '@playwright/test';

// Local search indexes both languages: Chinese and English terms both find the chapters.
const QUERIES = [
  { prefix: '', term: '无头', page: '/docs/statefulset/[\\w-]+' },
  { prefix: '/en', term: 'headless', page: '/en/docs/statefulset/[\\w-]+' },
  { prefix: '', term: '分区', page: '/docs/statefulset/(partitions|updates)' },
  { prefix: '/en', term: 'partition', page: '/en/docs/statefulset/(partitions|updates)' },
];

for (const { prefix, term, page } of QUERIES) {
  test(`searching "${term}" finds ${page}`, async ({ page: browser }) => {
    await browser.goto(`${prefix}/`);
    const input = browser.locator('input.navbar__search-input').first();
    await input.click();
    await input.pressSequentially(term, { delay: 50 });
    const first = browser.locator('[role="listbox"] [role="option"]').first();
    await expect(first.locator('mark')).toContainText(new RegExp(term, 'i'));
    await input.press('Enter');
    await expect(browser).toHaveURL(new RegExp(`${page}(\\?[^#]*)?(#.*)?$`));
  });
}
