/**
 * The server's Content-Security-Policy in a real browser (issue 17, item 12): the demo and the
 * emulated headset run under it without a single violation, and the check itself sees one when
 * there is one. (Every other e2e test is held to the same rule: the harness fails a test whose
 * browser saw a violation, and the global setup fails the run when the server received a report.)
 */

import { describe, expect, inject, it } from 'vitest';
import { CSP_SELF_TEST, launchBrowser } from './harness/browser.ts';
import { openApp, waitIdle } from './harness/twin.ts';
import { xrFrames } from './harness/xr.ts';

const baseUrl = inject('baseUrl');

describe('Content-Security-Policy in Chromium', () => {
  it('the demo loads every layer (workers and decoders included) with no violation', async () => {
    const browser = await launchBrowser();
    try {
      const app = await openApp(browser, baseUrl);
      const response = await app.page.request.get(baseUrl);
      expect(response.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
      const layers = await app.page.evaluate(() => window.twin.layers());
      expect(layers.length).toBeGreaterThan(0);
      expect(layers.filter((l) => l.state !== 'ready')).toEqual([]);
      expect(app.problems()).toEqual([]);
      expect(browser.cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('XR emulation (?emulate=quest3) enters VR and renders with no violation', async () => {
    const browser = await launchBrowser();
    try {
      const app = await openApp(browser, baseUrl, '?emulate=quest3&xrAdaptive=0');
      await app.page.locator('.xr-enter[data-xr-mode="immersive-vr"]').click();
      await app.page.waitForFunction(() => window.twin.xr().presenting, undefined, { timeout: 30_000 });
      await xrFrames(app.page, 5);
      await waitIdle(app.page);
      expect(app.problems()).toEqual([]);
      expect(browser.cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('a violation does not go unseen', async () => {
    const browser = await launchBrowser();
    try {
      // This test's own report reaches the server too; the run ignores reports from pages marked
      // CSP_SELF_TEST and fails on any other (global-setup.ts).
      const app = await browser.openPage(`${baseUrl}?${CSP_SELF_TEST}`);
      // An inline script, as injected markup would carry: the policy refuses it.
      await app.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.append(script);
      });
      expect(await app.page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
      await expect.poll(() => browser.cspViolations.length).toBeGreaterThan(0);
      expect(browser.cspViolations.join('\n')).toMatch(/script-src/);
      browser.cspViolations.length = 0;
    } finally {
      await browser.close();
    }
  });
});
