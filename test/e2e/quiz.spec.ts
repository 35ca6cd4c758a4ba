import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const PROGRESS_KEY = 'workload-lab:quiz:progress';

/** Gives any answer to the question shown: first choice, or 1, or the order as it stands. */
async function answerAnything(card: Locator): Promise<void> {
  const number = card.locator('[data-quiz-number]');
  if (await number.count()) await number.fill('1');
  else if (await card.locator('[data-quiz-choice]').count()) await card.locator('[data-quiz-choice]').first().click();
}

async function stats(page: Page, chapter: string): Promise<string> {
  return (await page.locator(`[data-quiz-stats="${chapter}"] td`).nth(1).textContent()) ?? '';
}

test.describe('chapter quiz', () => {
  test('answering keeps progress across a reload, and a predict question runs its script', async ({ page }) => {
    await page.goto('/docs/statefulset/partitions');
    const quiz = page.locator('[data-quiz-chapter="updates"]');
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toHaveAttribute('data-quiz-ready', '');
    const card = quiz.locator('[data-quiz-question="partition-deleted-pod-below"]');
    await expect(card.locator('[data-quiz-run]')).toBeDisabled();
    await card.locator('[data-quiz-choice="old"]').click();
    await card.locator('[data-quiz-check]').click();
    await expect(card.locator('[data-quiz-result]')).toHaveAttribute('data-quiz-result', 'correct');
    await card.locator('[data-quiz-run]').click();
    await expect(card.locator('[data-quiz-output="done"]')).toContainText('registry.k8s.io/nginx-slim:0.21');

    const wrong = quiz.locator('[data-quiz-question="updates-rolling-order"]');
    await wrong.locator('[data-quiz-check]').click(); // the starting order is never the answer
    await expect(wrong.locator('[data-quiz-result]')).toHaveAttribute('data-quiz-result', 'wrong');
    await expect(wrong.locator('[data-quiz-result]')).toContainText('web-4 → web-3 → web-2 → web-1 → web-0');

    await page.reload();
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz.locator('[data-quiz-summary]')).toContainText(/2 \/ \d+/);
    await expect(card.locator('[data-quiz-last]')).toHaveAttribute('data-quiz-last', 'correct');
    await expect(wrong.locator('[data-quiz-last]')).toHaveAttribute('data-quiz-last', 'wrong');
  });

  test('an ordering question can be answered by keyboard alone (English page)', async ({ page }) => {
    await page.goto('/en/docs/statefulset/partitions');
    const quiz = page.locator('[data-quiz-chapter="updates"]');
    await quiz.scrollIntoViewIfNeeded();
    const card = quiz.locator('[data-quiz-question="updates-rolling-order"]');
    const items = card.locator('[data-quiz-item]');
    await expect(items).toHaveCount(5);
    // Bubble the right items to the top with the keyboard: focus a "Move up" button, press Enter.
    for (const [target, name] of ['web-4', 'web-3', 'web-2', 'web-1'].entries()) {
      for (;;) {
        const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-quiz-item')));
        const at = ids.indexOf(name);
        if (at === target) break;
        await card.getByRole('button', { name: `Move ${name} up` }).focus();
        await page.keyboard.press('Enter');
      }
    }
    await card.locator('[data-quiz-check]').focus();
    await page.keyboard.press('Enter');
    await expect(card.locator('[data-quiz-result]')).toHaveAttribute('data-quiz-result', 'correct');
    await expect(card.locator('[data-quiz-result]')).toContainText('Correct');
  });
});

/** Each chapter's closing page and the bank its quiz shows. */
const CLOSING_PAGES: Array<[string, string]> = [
  ['overview', 'overview'],
  ['deployment/rollback', 'deployment'],
  ['statefulset/ordered-creation', 'basics'],
  ['statefulset/network-identity', 'network-identity'],
  ['statefulset/storage', 'storage'],
  ['statefulset/partitions', 'updates'],
  ['statefulset/deletion', 'deletion'],
  ['statefulset/force-delete', 'force-delete'],
  ['operations/troubleshooting', 'troubleshooting'],
  ['internals/controllers', 'controllers'],
  ['reference/cli', 'kubesim'],
];

test('every chapter ends with its quiz, in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  for (const prefix of ['', '/en']) {
    for (const [docId, chapter] of CLOSING_PAGES) {
      await page.goto(`${prefix}/docs/${docId}`);
      const quiz = page.locator(`[data-quiz-chapter="${chapter}"]`);
      await quiz.scrollIntoViewIfNeeded();
      await expect(quiz, `${prefix}/docs/${docId}`).toHaveAttribute('data-quiz-ready', '');
      expect(await quiz.locator('[data-quiz-question]').count()).toBeGreaterThanOrEqual(6);
      const stem = (await quiz.locator('[data-quiz-question] h3').first().textContent()) ?? '';
      expect(/\p{Script=Han}/u.test(stem), `${prefix}/docs/${docId}: ${stem}`).toBe(prefix === '');
    }
  }
});

test.describe('/quiz page', () => {
  test('a mock interview runs ten questions against the clock, then scores and reviews them', async ({ page }) => {
    await page.goto('/en/quiz');
    await page.locator('[data-quiz-tab="interview"]').click();
    await page.locator('[data-quiz-start]').click();
    await expect(page.locator('[data-quiz-timer]')).toHaveText(/^0:0\d$/);
    for (let n = 1; n <= 10; n++) {
      await expect(page.locator('[data-quiz-progress]')).toHaveText(`Question ${n} of 10`);
      await answerAnything(page.locator('[data-quiz-question]'));
      await page.locator('[data-quiz-submit]').click();
    }
    const score = page.locator('[data-quiz-score]');
    await expect(score).toContainText(/Score \d+ \/ 10 in \d+:\d\d\./);
    const right = Number(await score.getAttribute('data-quiz-score'));
    await expect(page.locator('[data-quiz-review]')).toHaveCount(10 - right);
    if (right < 10)
      await expect(page.locator('[data-quiz-review] [data-quiz-result="wrong"]').first()).toContainText('Answer:');
    await page.locator('[data-quiz-tab="progress"]').click();
    await expect(page.locator('[data-quiz-interviews]')).toHaveAttribute('data-quiz-interviews', '1');
  });

  test('progress exports, clears and imports back; a corrupt file changes nothing', async ({ page }, testInfo) => {
    await page.goto('/quiz?chapter=updates');
    const card = page.locator('[data-quiz-practice] [data-quiz-question]');
    await answerAnything(card);
    await card.locator('[data-quiz-check]').click();
    await page.locator('[data-quiz-tab="progress"]').click();
    await expect.poll(() => stats(page, 'updates')).toMatch(/^1 \/ /);

    const download = page.waitForEvent('download');
    await page.locator('[data-quiz-export]').click();
    const file = testInfo.outputPath('progress.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { cards: Record<string, unknown> };
    expect(Object.keys(exported.cards)).toHaveLength(1);

    await page.locator('[data-quiz-clear]').click();
    await page.locator('[data-quiz-clear-confirm]').click();
    await expect.poll(() => stats(page, 'updates')).toMatch(/^0 \/ /);
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').cards, PROGRESS_KEY)).toEqual({});

    await page.locator('[data-quiz-import]').setInputFiles(file);
    await expect(page.locator('[data-quiz-message="ok"]')).toBeVisible();
    await expect.poll(() => stats(page, 'updates')).toMatch(/^1 \/ /);

    const corrupt = testInfo.outputPath('corrupt.json');
    writeFileSync(corrupt, '{"format": "workload-lab-quiz-progress", "version": 1, "cards": {"nope": 1}');
    await page.locator('[data-quiz-import]').setInputFiles(corrupt);
    await expect(page.locator('[data-quiz-message="error"]')).toContainText('not valid JSON');
    const foreign = testInfo.outputPath('foreign.json');
    writeFileSync(
      foreign,
      JSON.stringify({ format: 'workload-lab-quiz-progress', version: 1, cards: { 'not-ours': {} }, interviews: [] }),
    );
    await page.locator('[data-quiz-import]').setInputFiles(foreign);
    await expect(page.locator('[data-quiz-message="error"]')).toContainText('unknown question not-ours');
    await expect.poll(() => stats(page, 'updates')).toMatch(/^1 \/ /);

    await page.reload();
    await page.locator('[data-quiz-tab="progress"]').click();
    await expect.poll(() => stats(page, 'updates')).toMatch(/^1 \/ /);
  });

  test('fits a phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/quiz');
    await expect(page.locator('[data-quiz-practice] [data-quiz-question]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
