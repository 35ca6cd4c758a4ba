import { expect, type Locator, type Page } from '@playwright/test';

export const LOCALES = [
  { name: 'zh-Hans', prefix: '' },
  { name: 'en', prefix: '/en' },
] as const;

export const PLAYGROUND = '/docs/lab/cell-playground';

export function cell(page: Page, id: string): Locator {
  return page.locator(`[data-cell][data-cell-id="${id}"]`);
}

/** Waits until the cell is hydrated and CodeMirror has replaced the static code. */
export async function editorOf(target: Locator): Promise<Locator> {
  await expect(target).toHaveAttribute('data-hydrated', '');
  await expect(target.locator('[data-cell-editor="codemirror"]')).toBeVisible();
  return target.locator('.cm-content');
}

/** The editor's text, line by line as CodeMirror renders it (cells are short enough to be fully rendered). */
export async function codeOf(target: Locator): Promise<string> {
  const lines = await target.locator('.cm-content .cm-line').allTextContents();
  return lines.join('\n');
}

/** Replaces the whole cell code as a reader would: select all, then type (inserted at once, no autocompletion). */
export async function replaceCode(page: Page, target: Locator, code: string): Promise<void> {
  const editor = await editorOf(target);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await expect.poll(() => codeOf(target)).toBe(code);
}

export async function runAndWait(target: Locator, state: 'done' | 'error' | 'timeout' = 'done'): Promise<Locator> {
  await target.locator('[data-cell-run]').click();
  const output = target.locator('[data-cell-output]');
  await expect(output).toHaveAttribute('data-state', state, { timeout: 20_000 });
  return output;
}

/** Records every request for a .wasm file made by the page. */
export function wasmRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.wasm')) urls.push(request.url());
  });
  return urls;
}
