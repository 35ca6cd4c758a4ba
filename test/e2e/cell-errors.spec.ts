import { expect, test, type Page } from '@playwright/test';
import { cell, editorOf, LOCALES, PLAYGROUND, replaceCode, runAndWait } from './cell-helpers';

const MESSAGES = {
  'zh-Hans': { timeout: '运行超过 5 秒，已停止。', truncated: '输出过多', run: '运行' },
  en: { timeout: 'The run took longer than 5 seconds and was stopped.', truncated: 'Too much output', run: 'Run' },
};

/** Counts main-thread timer ticks and the longest gap between them, from now on. */
async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const beat = { ticks: 0, last: performance.now(), maxGap: 0 };
    (window as unknown as { __beat: typeof beat }).__beat = beat;
    const tick = () => {
      const now = performance.now();
      beat.maxGap = Math.max(beat.maxGap, now - beat.last);
      beat.last = now;
      beat.ticks++;
      setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });
}

function heartbeat(page: Page): Promise<{ ticks: number; maxGap: number }> {
  return page.evaluate(() => (window as unknown as { __beat: { ticks: number; maxGap: number } }).__beat);
}

for (const locale of LOCALES) {
  const messages = MESSAGES[locale.name];

  test.describe(`cell errors and limits (${locale.name})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.goto(`${locale.prefix}${PLAYGROUND}`);
      await editorOf(cell(page, 'playground-hello'));
    });
    test.afterEach(async ({ page }) => {
      await cell(page, 'playground-hello').locator('[data-cell-reset]').click();
    });

    test('a syntax error names the TypeScript line and column and marks the line', async ({ page }) => {
      const hello = cell(page, 'playground-hello');
      await replaceCode(page, hello, 'const a: number = 1;\nconst b = ;\nconsole.log(a, b);');
      const output = await runAndWait(hello, 'error');
      await expect(output).toContainText('cell.ts:2:11: Unexpected ";"');
      const marked = hello.locator('.cm-line[data-cell-error-line]');
      await expect(marked).toHaveCount(1);
      await expect(marked).toHaveText('const b = ;');
    });

    test('a thrown error names the line and column in the TypeScript, not the compiled code', async ({ page }) => {
      const hello = cell(page, 'playground-hello');
      const code = [
        'import { Cluster } from "kubesim";',
        'interface Plan {',
        '  replicas: number;',
        '}',
        'type Name = string;',
        'const plan: Plan = { replicas: 3 };',
        'const name: Name = "web";',
        'if (plan.replicas > 2) {',
        '  throw new RangeError(`too many replicas for ${name}`);',
        '}',
        'console.log(new Cluster());',
      ].join('\n');
      await replaceCode(page, hello, code);
      const output = await runAndWait(hello, 'error');
      await expect(output).toContainText('cell.ts:9:9: RangeError: too many replicas for web');
      const marked = hello.locator('.cm-line[data-cell-error-line]');
      await expect(marked).toHaveText('  throw new RangeError(`too many replicas for ${name}`);');
      // The mark lasts until the next edit.
      await hello.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('\n');
      await expect(marked).toHaveCount(0);
    });

    test('an error thrown inside kubesim points at the reader’s call', async ({ page }) => {
      const hello = cell(page, 'playground-hello');
      await replaceCode(page, hello, 'import { Cluster } from "kubesim";\n\nconst c = new Cluster({ nodes: 0 });');
      const output = await runAndWait(hello, 'error');
      await expect(output).toContainText('cell.ts:3:11: RangeError: nodes must be a whole number');
      await expect(hello.locator('.cm-line[data-cell-error-line]')).toHaveText('const c = new Cluster({ nodes: 0 });');
    });

    test('an endless loop is stopped after 5 seconds while the page keeps responding', async ({ page }) => {
      const hello = cell(page, 'playground-hello');
      await replaceCode(page, hello, 'let spins = 0;\nwhile (true) {\n  spins++;\n}');
      await startHeartbeat(page);
      const started = Date.now();
      const output = await runAndWait(hello, 'timeout');
      const elapsed = Date.now() - started;
      await expect(output).toContainText(messages.timeout);
      await expect(hello.locator('[data-cell-run]')).toBeEnabled();
      await expect(hello.locator('[data-cell-run]')).toHaveText(messages.run);
      expect(elapsed).toBeGreaterThanOrEqual(4900);
      // A 20 ms timer kept firing throughout: the main thread was never blocked for long.
      const beat = await heartbeat(page);
      expect(beat.ticks).toBeGreaterThan(elapsed / 20 / 4);
      expect(beat.maxGap).toBeLessThan(1000);
    });

    test('a million printed lines are capped at 2,000 with a notice', async ({ page }) => {
      const hello = cell(page, 'playground-hello');
      await replaceCode(page, hello, 'for (let i = 1; i <= 1_000_000; i++) {\n  console.log(`line ${i}`);\n}');
      const output = await runAndWait(hello, 'done');
      await expect(output.locator('[data-cell-notice]')).toContainText(messages.truncated);
      const text = await output.locator('pre').first().textContent();
      const lines = (text ?? '').trimEnd().split('\n');
      expect(lines.length).toBe(2000);
      expect(lines[0]).toBe('line 1');
      expect(lines[1999]).toBe('line 2000');
    });
  });
}
