import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { WEB_DIST } from '../server/web-build.js';
import { launchBrowser } from '../tools/browser.js';
import type { BenchContext } from './context.js';
import { failed, type Figure } from './lib/report.js';
import { percentile } from './lib/stats.js';

const JS_TARGET_KB = 100;
const PAGE_LOADS = 5;

/** The web app's JavaScript, gzipped, as built in web/dist: all chunks, and the entry alone. */
export async function jsSizeFigure(): Promise<Figure> {
  const name = 'web app JavaScript, gzip';
  try {
    const assets = path.join(WEB_DIST, 'assets');
    const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    const html = await readFile(path.join(WEB_DIST, 'index.html'), 'utf8');
    let total = 0;
    let entry = 0;
    for (const file of files) {
      const size = gzipSync(await readFile(path.join(assets, file))).length / 1024;
      total += size;
      if (html.includes(`/assets/${file}`)) entry += size;
    }
    return {
      name, unit: 'KB', value: total, target: `≤ ${JS_TARGET_KB} KB`, pass: total <= JS_TARGET_KB,
      note: `${files.length} chunks; the entry loaded by index.html is ${entry.toFixed(1)} KB, pages load on demand`,
    };
  } catch (err) {
    return failed(name, 'KB', err, `≤ ${JS_TARGET_KB} KB`);
  }
}

/**
 * A recruiter's first visit: a fresh Chromium context loads `/` until the first result card
 * shows. The baseline is the page's own /api/search request fetched again from the page.
 */
export async function firstResultsFigure(ctx: BenchContext): Promise<Figure> {
  const name = `time to first results, Chromium (median of ${PAGE_LOADS})`;
  const selector = ctx.options.resultSelector;
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const loads: number[] = [];
    const fetches: number[] = [];
    for (let i = 0; i < PAGE_LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let searchUrl: string | undefined;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/search') searchUrl ??= request.url();
      });
      const started = performance.now();
      await page.goto(`${ctx.stack.server.url}/`);
      try {
        await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        const asked = searchUrl ? `it asked ${new URL(searchUrl).search || '/api/search'}` : 'it never called /api/search';
        throw new Error(`no "${selector}" appeared on / within 15 s (${asked}); pass --result-selector if result cards are named otherwise`);
      }
      loads.push(performance.now() - started);
      if (searchUrl) {
        fetches.push(
          await page.evaluate(async (url) => {
            const t0 = performance.now();
            await (await fetch(url)).json();
            return performance.now() - t0;
          }, searchUrl),
        );
      }
      await context.close();
    }
    return {
      name, unit: 'ms', value: percentile(loads, 50),
      baseline: fetches.length > 0 ? percentile(fetches, 50) : undefined, baselineLabel: 'its /api/search',
      note: 'from navigation to the first visible result card, cold cache',
    };
  } catch (err) {
    return failed(name, 'ms', err);
  } finally {
    await browser?.close();
  }
}
