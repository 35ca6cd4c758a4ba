import { expect, test } from '@playwright/test';
import { cell, LOCALES, PLAYGROUND, replaceCode, runAndWait } from './cell-helpers';

for (const locale of LOCALES) {
  test.describe(`display() (${locale.name})`, () => {
    test('shows text, a table, an SVG and a timeline of the cluster', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const target = cell(page, 'playground-display');
      const output = await runAndWait(target);
      await expect(output.locator('table th')).toHaveText(['name', 'node', 'created']);
      await expect(output.locator('table tbody tr')).toHaveCount(3);
      await expect(output.locator('[data-cell-markup="svg"] svg rect')).toHaveCount(3);

      const timeline = output.locator('[data-cell-timeline]');
      const slider = timeline.locator('input[type="range"]');
      const pods = timeline.locator('pre');
      // It opens on the last moment, the settled cluster…
      await expect(pods).toContainText(/web-2\s+1\/1\s+Running/);
      // …and the first moment is the empty cluster.
      await slider.focus();
      await page.keyboard.press('Home');
      await expect(pods).toHaveText('No resources found in default namespace.');
      // Stepping forward, web-0 appears before web-1 does.
      await page.keyboard.press('ArrowRight');
      await expect(pods).toContainText('web-0');
      await expect(pods).not.toContainText('web-1');
      const times = [];
      for (let i = 0; i < 3; i++) {
        times.push(Number(await timeline.locator('[data-cell-timeline-time]').getAttribute('data-cell-timeline-time')));
        await page.keyboard.press('ArrowRight');
      }
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    test('HTML output is sanitized before it reaches the page', async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      const target = cell(page, 'playground-display');
      await replaceCode(
        page,
        target,
        [
          'display.html(`<p id="kept"><b>bold</b></p><img src="x" onerror="window.__pwned = 1">',
          '<script>window.__pwned = 2</script><a href="javascript:window.__pwned = 3">link</a>`);',
          'display.svg(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="5" onload="window.__pwned = 4"/></svg>`);',
        ].join('\n'),
      );
      const output = await runAndWait(target);
      const html = output.locator('[data-cell-markup="html"]');
      await expect(html.locator('#kept b')).toHaveText('bold');
      await expect(html.locator('script')).toHaveCount(0);
      await expect(html.locator('[onerror]')).toHaveCount(0);
      expect(await html.locator('a').getAttribute('href')).toBeNull();
      await expect(output.locator('[data-cell-markup="svg"] circle')).toHaveCount(1);
      await expect(output.locator('[data-cell-markup="svg"] [onload]')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await target.locator('[data-cell-reset]').click();
    });
  });
}
