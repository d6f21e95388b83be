import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/results/violation.js';
import { fixturePath, REPO_ROOT, cli } from '../helpers.js';

/** Debian's chromium, driven by playwright-core; never a downloaded browser. */
function findChromium(): string | undefined {
  for (const candidate of [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const executablePath = findChromium();
if (!executablePath) {
  console.warn('Skipping the HTML report browser test: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
}
const OUTPUT = path.join(REPO_ROOT, 'test-output');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-html-'));

async function report(fixture: string): Promise<{ file: string; result: AuditResult }> {
  const file = path.join(temporary, `${fixture.replaceAll('/', '-')}.html`);
  await cli(['audit', fixturePath(...fixture.split('/')), '--format', 'html', '--output', file]);
  const result = JSON.parse((await cli(['audit', fixturePath(...fixture.split('/')), '--format', 'json'])).stdout) as AuditResult;
  return { file, result };
}

describe.skipIf(!executablePath)('the HTML report in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: executablePath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(temporary, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    return { page, problems, requests };
  }

  it('shows every layer and the forbidden arrows in red, filters the table, logs no error, and is saved as a screenshot', async () => {
    const { file, result } = await report('sample');
    const { page, problems, requests } = await open(file);
    for (const layer of result.layers) expect(await page.locator(`#diagram svg g#layer-${layer}`).count(), layer).toBe(1);
    const forbidden = result.layerEdges.filter((edge) => edge.violations > 0);
    expect(forbidden.length).toBeGreaterThan(0);
    expect(await page.locator('#diagram svg g.edge.forbidden').count()).toBe(forbidden.length);
    for (const edge of forbidden) {
      const arrow = page.locator(`#diagram svg g#edge-${edge.from}-${edge.to}`);
      expect(await arrow.locator('path').getAttribute('stroke')).toBe('#d1242f');
      expect(await arrow.locator('text').first().textContent()).toContain(`${edge.violations} forbidden`);
    }
    const rows = page.locator('#violations tbody tr');
    expect(await rows.count()).toBe(result.violations.length);
    await page.fill('#filter', 'handlers.ts');
    const visible = page.locator('#violations tbody tr:not([hidden])');
    expect(await visible.count()).toBe(result.violations.filter((violation) => `${violation.file} ${violation.message}`.includes('handlers.ts')).length);
    expect(await page.textContent('#shown')).toBe(String(await visible.count()));
    await page.fill('#filter', '');
    await page.selectOption('#rule', 'cosmic/no-transitive-violation');
    expect(await visible.count()).toBe(1);
    await page.selectOption('#rule', '');
    await page.click('#violations th[data-key="file"]');
    // The page sorts by file, by code unit like the report itself (not by the browser's locale).
    const files = (await page.locator('#violations tbody tr td:nth-child(3)').allTextContents()).map((where) => where.replace(/:\d+:\d+$/, ''));
    expect(files).toEqual([...files].sort());
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'sample-report.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  }, 60_000);

  it('does not execute a file named <img src=x onerror=alert(1)>.ts or a </script> specifier', async () => {
    const { file } = await report('report/hostile');
    const html = fs.readFileSync(file, 'utf8');
    expect(html).not.toContain('<img src=x');
    const { page, problems } = await open(file);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#violations tbody').textContent()).toContain('<img src=x onerror=alert(1)>.ts');
  }, 60_000);
});
