/**
 * The sun study in a browser on the demo: `window.twin.sun()` / `setSun()`, shadows that cost
 * nothing while off, the proposal's shadow on the ground north of it at noon read back from
 * the canvas (lit where today has no building), the sun panel's controls, and the sun-hours
 * map of the plan's pocket park, today against the proposal.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { saveScreenshot, screenshotStats } from './harness/browser.ts';
import { shootCanvas } from './harness/canvas.ts';
import { useApp, waitIdle } from './harness/twin.ts';
import { centroidOf, DEMO_PARK, DEMO_PROPOSAL, toGeo } from './harness/demo-geometry.ts';

/** Mean luminance (0–255) of a square of `size` px around the canvas centre. */
function centreLuminance(png: PNG, size = 9): number {
  const cx = Math.floor(png.width / 2);
  const cy = Math.floor(png.height / 2);
  let sum = 0;
  let n = 0;
  for (let y = cy - (size >> 1); y <= cy + (size >> 1); y++) {
    for (let x = cx - (size >> 1); x <= cx + (size >> 1); x++) {
      const o = (y * png.width + x) * 4;
      sum += 0.2126 * png.data[o]! + 0.7152 * png.data[o + 1]! + 0.0722 * png.data[o + 2]!;
      n++;
    }
  }
  return sum / n;
}

const EQUINOX_NOON = '2026-03-20T12:00:00+01:00';

describe('sun study', () => {
  const session = useApp('?lang=sv');

  it('should report the sun at the scene origin and start with shadows off, their code not loaded', async () => {
    const { page } = session.app;
    const sun = await page.evaluate(() => window.twin.sun());
    expect(sun.shadows).toBe(false);
    expect(sun.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /sun-light|SunPanel|SunHoursSection|sun-hours-(job|overlay)|sun-hours\.worker/.test(n)));
    expect(loaded).toEqual([]);
    await page.evaluate((date) => window.twin.setSun({ date }), EQUINOX_NOON);
    const noon = await page.evaluate(() => window.twin.sun());
    expect(noon.date).toBe(EQUINOX_NOON);
    // Härnösand at noon on the March equinox: 27.3° up, just west of south (see the unit test's table)
    expect(noon.altitude).toBeCloseTo(27.3, 1);
    expect(noon.azimuth).toBeCloseTo(181.2, 1);
    // the same instant written in UTC, and a local time without an offset
    await page.evaluate(() => window.twin.setSun({ date: '2026-06-21T10:00:00Z' }));
    expect((await page.evaluate(() => window.twin.sun())).date).toBe('2026-06-21T12:00:00+02:00');
    await page.evaluate(() => window.twin.setSun({ date: '2026-12-21T12:00' }));
    expect((await page.evaluate(() => window.twin.sun())).date).toBe('2026-12-21T12:00:00+01:00');
  });

  it('should refuse malformed dates and values with the reason', async () => {
    const { page } = session.app;
    const error = (change: unknown) => page.evaluate((c) => window.twin.setSun(c as never).then(() => 'resolved', (e: Error) => e.message), change);
    expect(await error({ date: 'midsommar' })).toMatch(/setSun: expected an ISO 8601 date and time .*"midsommar"/);
    expect(await error({ date: '2026-02-30T12:00:00+01:00' })).toMatch(/not a valid date/);
    expect(await error({ shadows: 'yes' })).toMatch(/shadows must be true or false/);
  });

  it('should draw exactly as before once shadows are turned off again (no draw calls, triangles or shader variants left behind)', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.twin.setView({ lon: 17.94197, lat: 62.62969, height: 228, heading: 0, pitch: -41 }));
    await waitIdle(page);
    const off = await page.evaluate(() => window.twin.stats());
    await page.evaluate((date) => window.twin.setSun({ date, shadows: true }), EQUINOX_NOON);
    await waitIdle(page);
    const on = await page.evaluate(() => window.twin.stats());
    // the shadow maps draw the casters again, once per cascade
    expect(on.drawCalls).toBeGreaterThan(off.drawCalls);
    expect(on.textures).toBeGreaterThan(off.textures);
    console.log(`[sun] plan view: ${off.drawCalls} draw calls, ${off.triangles} triangles with shadows off; ${on.drawCalls} and ${on.triangles} with shadows on`);
    await page.evaluate(() => window.twin.setSun({ shadows: false }));
    await waitIdle(page);
    const again = await page.evaluate(() => window.twin.stats());
    expect({ drawCalls: again.drawCalls, triangles: again.triangles }).toEqual({ drawCalls: off.drawCalls, triangles: off.triangles });
    expect(await page.evaluate(() => window.twin.sun().shadows)).toBe(false);
  });

  it('should shade the ground north of a proposed building at noon, where today it is lit (read from the canvas)', async () => {
    const { page } = session.app;
    // Sundsbryggan hus A: 22.4 m, flat roof; its shadow at 27° reaches ~43 m north. A point on the
    // street 14 m north of its north wall, beyond the plan's area
    const houseA = DEMO_PROPOSAL.find((b) => b.name === 'Sundsbryggan hus A')!;
    expect(houseA.height).toBeCloseTo(22.4, 2);
    const [e] = centroidOf(houseA.footprint);
    const north = Math.max(...houseA.footprint.map((p) => p[1]));
    const p = toGeo([e, north + 14]);
    // nothing stands there, and it is outside the plan
    const layersAt = await page.evaluate(([lon, lat]) => window.twin.featuresAt(lon!, lat!).map((f) => f.layerId), [p.lon, p.lat]);
    expect(layersAt.filter((id) => id !== 'ground')).toEqual([]);
    // straight down on the point from 120 m, so it is the canvas centre
    await page.evaluate(([lon, lat, h]) => window.twin.setView({ lon: lon!, lat: lat!, height: h!, heading: 0, pitch: -89.99 }), [p.lon, p.lat, p.height + 120]);
    await page.evaluate((date) => window.twin.setSun({ date, shadows: true }), EQUINOX_NOON);
    await page.evaluate(() => window.twin.setCompare({ mode: 'after' }));
    await waitIdle(page);
    const proposal = (await shootCanvas(page, 'sun-noon-proposal')).png;
    saveScreenshot('sun-north-of-proposal', PNG.sync.write(proposal));
    await page.evaluate(() => window.twin.setCompare({ mode: 'before' }));
    await waitIdle(page);
    const today = (await shootCanvas(page, 'sun-noon-today')).png;
    saveScreenshot('sun-north-today', PNG.sync.write(today));
    const shaded = centreLuminance(proposal);
    const lit = centreLuminance(today);
    console.log(`[sun] ground 14 m north of hus A at noon: luminance ${shaded.toFixed(1)} with the proposal, ${lit.toFixed(1)} today`);
    expect(shaded).toBeLessThan(lit * 0.75);
    // without shadows the proposal leaves the point as bright as today
    await page.evaluate(() => window.twin.setSun({ shadows: false }));
    await page.evaluate(() => window.twin.setCompare({ mode: 'after' }));
    await waitIdle(page);
    const unshaded = centreLuminance((await shootCanvas(page, 'sun-noon-unshaded')).png);
    expect(unshaded).toBeGreaterThan(shaded * 1.3);
    await page.evaluate(() => window.twin.setCompare({ mode: 'before' }));
  }, 300_000);

  it('should drive the study from the sun panel: shadows, the study days, the time of day', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.twin.setSun({ date: '2026-03-20T15:00:00+01:00', shadows: false }));
    await page.getByRole('button', { name: /Sol och skuggor/ }).click();
    const panel = page.getByTestId('sun-panel');
    await panel.waitFor();
    // opening the sun study shows shadows
    await page.waitForFunction(() => window.twin.sun().shadows);
    expect(await panel.locator('[data-control="shadows"] input').isChecked()).toBe(true);
    expect(await panel.locator('[data-option="equinox"]').getAttribute('aria-pressed')).toBe('true');
    await panel.locator('[data-option="midsummer"]').click();
    expect((await page.evaluate(() => window.twin.sun())).date).toBe('2026-06-21T15:00:00+02:00');
    await panel.locator('[data-option="winter"]').click();
    expect((await page.evaluate(() => window.twin.sun())).date).toBe('2026-12-21T15:00:00+01:00');
    // the slider: the time of day (local clock), keyboard steps of 5 minutes
    const slider = panel.locator('[data-control="time"] input[type="range"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect((await page.evaluate(() => window.twin.sun())).date).toBe('2026-12-21T15:05:00+01:00');
    expect(await panel.locator('[data-control="time"] output').innerText()).toBe('15:05');
    // the sun's place in words, and sunrise and sunset
    expect(await panel.getByTestId('sun-where').innerText()).toMatch(/Solen är under horisonten|Solen står/);
    expect(await panel.getByTestId('sun-where').innerText()).toMatch(/Soluppgång \d\d:\d\d · solnedgång \d\d:\d\d/);
    // playing the day moves the clock
    await panel.locator('.sun-play').click();
    await page.waitForFunction(() => window.twin.sun().date !== '2026-12-21T15:05:00+01:00', undefined, { timeout: 10_000 });
    await panel.locator('.sun-play').click();
    await panel.locator('[data-control="shadows"] input').uncheck();
    expect(await page.evaluate(() => window.twin.sun().shadows)).toBe(false);
    await page.getByRole('button', { name: /Sol och skuggor/ }).click();
    await panel.waitFor({ state: 'detached' });
  }, 180_000);

  it('should compute the sun hours of the pocket park, today against the proposal, off the main thread', async () => {
    const { page } = session.app;
    await page.evaluate((date) => window.twin.setSun({ date, shadows: true }), '2026-03-20T12:00:00+01:00');
    const area = DEMO_PARK.map((c) => {
      const g = toGeo(c);
      return [g.lon, g.lat] as [number, number];
    });
    const result = await page.evaluate((a) => window.twin.computeSunHours({ area: a }), area);
    console.log(`[sun] sun hours of the pocket park on ${result.date}: ${result.samples} points ${result.spacing} m apart, ${Math.round(result.computeMs)} ms in the worker (${Math.round(result.totalMs)} ms in all); ${result.sides.map((s) => `${s.name} mean ${s.mean.toFixed(2)} h, ${Math.round(s.sunnyShare * 100)} % ≥ 5 h`).join('; ')}`);
    expect(result.date).toBe('2026-03-20');
    expect(result.dayLength).toBeGreaterThan(11.8);
    expect(result.dayLength).toBeLessThan(12.2);
    expect(result.area).toBeGreaterThan(850);
    expect(result.area).toBeLessThan(960);
    expect(result.sides.map((s) => [s.id, s.name])).toEqual([
      ['before', 'Idag'],
      ['after', 'Förslag'],
    ]);
    for (const s of result.sides) {
      expect(s.min).toBeGreaterThanOrEqual(0);
      expect(s.max).toBeLessThanOrEqual(result.dayLength + 0.2);
      expect(s.mean).toBeGreaterThan(s.min);
      expect(s.mean).toBeLessThan(s.max);
    }
    // the proposal's townhouses (13 m) stand south of the park where today's warehouse (10 m) does
    expect(result.sides[1]!.mean).toBeLessThan(result.sides[0]!.mean);
    // computed in a worker
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /sun-hours\.worker/.test(e.name)))).toBe(true);
    expect(await page.evaluate(() => window.twin.sunHours()!.samples)).toBe(result.samples);
    // the map and its legend, swiped: today left, the proposal right
    await page.evaluate(() => window.twin.setCompare({ mode: 'swipe', split: 0.5 }));
    const park = toGeo(centroidOf(DEMO_PARK));
    await page.evaluate(([lon, lat, h]) => window.twin.setView({ lon: lon!, lat: lat! - 0.0006, height: h! + 75, heading: 0, pitch: -52 }), [park.lon, park.lat, park.height]);
    await waitIdle(page);
    const sunButton = page.getByRole('button', { name: /Sol och skuggor/ });
    if ((await sunButton.getAttribute('aria-expanded')) !== 'true') await sunButton.click();
    await page.getByTestId('sun-hours-result').waitFor();
    const png = await page.screenshot({ timeout: 120_000 });
    saveScreenshot('sun-hours-park', png);
    expect(screenshotStats(png).distinctColours).toBeGreaterThan(100);
    expect(await page.getByTestId('sun-hours-time').innerText()).toMatch(/Beräknat på \d/);
    await page.evaluate(() => window.twin.setCompare({ mode: 'before' }));
  }, 300_000);

  it('should have logged no errors', () => {
    expect(session.app.problems()).toEqual([]);
  });
});
