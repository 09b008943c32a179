/**
 * The before / after comparison in a browser: today's buildings (before) against the proposal
 * Kvarteret Sundsbryggan (after), toggled with the control, swiped with the divider, and
 * driven through `window.twin.compare()` / `setCompare()`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { imageStats, saveScreenshotForPeople } from './harness/browser.ts';
import { meanDifference, shootCanvas } from './harness/canvas.ts';
import { tilesetCentre, useApp, waitIdle } from './harness/twin.ts';
import { fingerDrag } from './harness/touch.ts';

const proposalTileset = JSON.parse(readFileSync(`${REPO_ROOT}/tiles/harnosand-proposal/tileset.json`, 'utf8')) as Parameters<typeof tilesetCentre>[0];

async function setCompare(page: Page, change: { id?: string | null; mode?: 'before' | 'after' | 'swipe'; split?: number }) {
  await page.evaluate((c) => window.twin.setCompare(c), change);
  // a frame for the fade-free toggle, and let any tile work settle
  await waitIdle(page);
}

describe('before / after comparison', () => {
  const session = useApp('?scene=/fixtures/scenes/compare.json&lang=sv');

  it('should open on the first comparison, showing today (before)', async () => {
    const compare = await session.app.page.evaluate(() => window.twin.compare());
    expect(compare).toEqual({
      id: 'sundsbryggan',
      name: 'Kvarteret Sundsbryggan',
      mode: 'before',
      split: 0.5,
      before: { name: 'Idag', layers: ['buildings'] },
      after: { name: 'Förslag', layers: ['proposal'] },
    });
    const layers = await session.app.page.evaluate(() => window.twin.layers());
    expect(layers.map((l) => [l.id, l.state])).toEqual([
      ['ground', 'ready'],
      ['buildings', 'ready'],
      ['proposal', 'ready'],
    ]);
  });

  it('should show the control with ≥ 44 px buttons and mark the hidden side in the layer panel', async () => {
    const { page } = session.app;
    const control = page.getByTestId('compare-control');
    await expect.poll(() => control.innerText()).toContain('Kvarteret Sundsbryggan');
    const buttons = control.locator('button');
    expect(await buttons.allInnerTexts()).toEqual(['Idag', 'Förslag', '◧ Svep']);
    for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')))).toEqual(['true', 'false', 'false']);
    const tag = page.locator('[data-layer-id="proposal"] .compare-tag');
    expect(await tag.innerText()).toBe('Förslag');
    expect(await tag.getAttribute('data-compare')).toBe('hidden');
    expect(await page.locator('[data-layer-id="proposal"] .layer-compare').innerText()).toBe('Förslag dold just nu');
    expect(await page.locator('[data-layer-id="buildings"] .compare-tag').getAttribute('data-compare')).toBe('shown');
    expect(await page.locator('[data-layer-id="ground"] .compare-tag').count()).toBe(0);
    // the checkbox still says what the spec says
    expect(await page.locator('[data-layer-id="proposal"] input[type="checkbox"]').isChecked()).toBe(true);
  });

  let proposalAt: { lon: number; lat: number; name: string } | null = null;

  it('should return proposal buildings from featuresAt only when the after side is shown', async () => {
    const { page } = session.app;
    await setCompare(page, { mode: 'after' });
    const centre = tilesetCentre(proposalTileset);
    // the nearest proposal building to the block's centre, on a 6 m grid
    proposalAt = await page.evaluate((c) => {
      const mPerDegLat = 111_320;
      const mPerDegLon = mPerDegLat * Math.cos((c.lat * Math.PI) / 180);
      for (let r = 0; r <= 60; r += 6) {
        for (let dx = -r; dx <= r; dx += 6) {
          for (let dy = -r; dy <= r; dy += 6) {
            if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
            const lon = c.lon + dx / mPerDegLon;
            const lat = c.lat + dy / mPerDegLat;
            const hit = window.twin.featuresAt(lon, lat).find((f) => f.layerId === 'proposal');
            if (hit) return { lon, lat, name: String(hit.properties.name) };
          }
        }
      }
      return null;
    }, centre);
    expect(proposalAt, 'a proposal building near the block centre').not.toBeNull();
    expect(proposalAt!.name).toMatch(/^Sundsbryggan/);
    const { lon, lat } = proposalAt!;
    const layersAt = () => page.evaluate(([x, y]) => window.twin.featuresAt(x!, y!).map((f) => f.layerId), [lon, lat]);
    expect(await layersAt()).toContain('proposal');
    await setCompare(page, { mode: 'before' });
    expect(await layersAt()).not.toContain('proposal');
    // swipe has no screen position here: featuresAt uses the after side
    await setCompare(page, { mode: 'swipe' });
    expect(await layersAt()).toContain('proposal');
    // with comparing off every layer counts again, as its spec says
    await setCompare(page, { id: null });
    expect(await page.evaluate(() => window.twin.compare())).toBeNull();
    expect(await layersAt()).toContain('proposal');
    await setCompare(page, { id: 'sundsbryggan', mode: 'before', split: 0.5 });
  });

  it('should draw each side alone, and in swipe the before side left of the divider and the after side right of it', async () => {
    const { page } = session.app;
    await setCompare(page, { mode: 'before' });
    const before = (await shootCanvas(page, 'compare-before')).png;
    const beforeStats = await page.evaluate(() => window.twin.stats());
    saveScreenshotForPeople('compare-before', await page.screenshot());
    await setCompare(page, { mode: 'after' });
    const after = (await shootCanvas(page, 'compare-after')).png;
    const afterStats = await page.evaluate(() => window.twin.stats());
    saveScreenshotForPeople('compare-after', await page.screenshot());
    await setCompare(page, { mode: 'swipe', split: 0.5 });
    const swipe = (await shootCanvas(page, 'compare-swipe')).png;
    const swipeStats = await page.evaluate(() => window.twin.stats());
    saveScreenshotForPeople('compare-swipe', await page.screenshot());

    const w = before.width;
    const margin = 4; // the divider's own pixels are not compared
    const left = [0, w / 2 - margin] as const;
    const right = [w / 2 + margin, w] as const;
    const d = {
      beforeVsAfter: meanDifference(before, after, 0, w),
      swipeLeftVsBefore: meanDifference(swipe, before, ...left),
      swipeLeftVsAfter: meanDifference(swipe, after, ...left),
      swipeRightVsAfter: meanDifference(swipe, after, ...right),
      swipeRightVsBefore: meanDifference(swipe, before, ...right),
    };
    console.log(`[e2e] compare: pixel differences ${JSON.stringify(d)}`);
    console.log(`[e2e] compare: draw calls before ${beforeStats.drawCalls}, after ${afterStats.drawCalls}, swipe ${swipeStats.drawCalls}`);
    // today's town and the proposal look different…
    expect(d.beforeVsAfter).toBeGreaterThan(2);
    // …and each half of the swipe view is the matching side, pixel for pixel up to antialiasing
    expect(d.swipeLeftVsBefore).toBeLessThan(0.5);
    expect(d.swipeRightVsAfter).toBeLessThan(0.5);
    expect(d.swipeLeftVsAfter).toBeGreaterThan(10 * Math.max(d.swipeLeftVsBefore, 0.1));
    expect(d.swipeRightVsBefore).toBeGreaterThan(10 * Math.max(d.swipeRightVsAfter, 0.1));
    // today's many buildings take more draw calls than the 14 proposed ones, and a swipe frame counts both passes
    expect(beforeStats.drawCalls).toBeGreaterThan(afterStats.drawCalls);
    expect(swipeStats.drawCalls).toBe(beforeStats.drawCalls + afterStats.drawCalls);
    expect(swipeStats.triangles).toBe(beforeStats.triangles + afterStats.triangles);
    expect(imageStats(swipe).distinctColours).toBeGreaterThan(200);
  });

  it('should move the divider with the mouse without moving the camera', async () => {
    const { page } = session.app;
    await setCompare(page, { mode: 'swipe', split: 0.5 });
    const viewBefore = await page.evaluate(() => window.twin.view());
    const handle = page.locator('.swipe-handle');
    const box = (await handle.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    const grip = (await page.locator('.swipe-grip').boundingBox())!;
    expect(Math.min(grip.width, grip.height)).toBeGreaterThanOrEqual(44);
    const canvas = (await page.locator('canvas').boundingBox())!;
    const y = grip.y + grip.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 - (i / 8) * (box.x + box.width / 2 - (canvas.x + canvas.width * 0.3)), y);
    await page.mouse.up();
    const split = await page.evaluate(() => window.twin.compare()!.split);
    expect(split).toBeCloseTo(0.3, 2);
    const moved = (await handle.boundingBox())!;
    expect(moved.x + moved.width / 2).toBeCloseTo(canvas.x + canvas.width * 0.3, -1);
    const viewAfter = await page.evaluate(() => window.twin.view());
    expect(viewAfter).toEqual(viewBefore);
    expect(await handle.getAttribute('aria-valuenow')).toBe('30');
  });

  it('should move the divider with a finger without moving the camera', async () => {
    const { page } = session.app;
    const viewBefore = await page.evaluate(() => window.twin.view());
    const grip = (await page.locator('.swipe-grip').boundingBox())!;
    const canvas = (await page.locator('canvas').boundingBox())!;
    const x0 = grip.x + grip.width / 2;
    const y = grip.y + grip.height / 2;
    const x1 = canvas.x + canvas.width * 0.6;
    await fingerDrag(page, { x: x0, y }, { x: x1, y });
    expect(await page.evaluate(() => window.twin.compare()!.split)).toBeCloseTo(0.6, 2);
    await page.evaluate(() => window.twin.setCompare({})); // a frame
    expect(await page.evaluate(() => window.twin.view())).toEqual(viewBefore);
  });

  it('should move the divider with ← → when focused, without turning the camera', async () => {
    const { page } = session.app;
    const viewBefore = await page.evaluate(() => window.twin.view());
    await page.locator('.swipe-handle').focus();
    const start = await page.evaluate(() => window.twin.compare()!.split);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => window.twin.compare()!.split)).toBeCloseTo(start + 0.02, 5);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => window.twin.compare()!.split)).toBeCloseTo(start + 0.12, 5);
    await page.evaluate(() => window.twin.setCompare({})); // a frame
    expect(await page.evaluate(() => window.twin.view())).toEqual(viewBefore);
  });

  it('should pick the side under the pointer in swipe mode', async () => {
    const { page } = session.app;
    expect(proposalAt).not.toBeNull();
    // straight down over a proposal building: it is at the centre of the canvas
    await page.evaluate((p) => window.twin.setView({ lon: p.lon, lat: p.lat, height: 320, heading: 0, pitch: -90 }), proposalAt!);
    await waitIdle(page);
    const canvas = (await page.locator('canvas').boundingBox())!;
    const panel = page.getByTestId('info-panel');
    const clickCentre = () => page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);

    // divider right of the centre: the centre shows today (no building on the vacant block)
    await setCompare(page, { mode: 'swipe', split: 0.7 });
    await clickCentre();
    await page.evaluate(() => window.twin.setCompare({}));
    expect(await panel.count()).toBe(0);
    // divider left of the centre: the centre shows the proposal, and picking finds it
    await setCompare(page, { split: 0.3 });
    await clickCentre();
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => panel.innerText()).toContain('Sundsbryggan');
    saveScreenshotForPeople('compare-swipe-picked', await page.screenshot());
    // a click on the divider does not reach the canvas: it would have cleared the selection
    const handle = (await page.locator('.swipe-handle').boundingBox())!;
    await page.mouse.click(handle.x + handle.width / 2, canvas.y + canvas.height / 2 + 150);
    await page.evaluate(() => window.twin.setCompare({}));
    expect(await panel.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.twin.compare()!.split)).toBeCloseTo(0.3, 2);
    expect(session.app.problems()).toEqual([]);
  });

  it('should switch modes with the buttons and reject bad setCompare calls', async () => {
    const { page } = session.app;
    const control = page.getByTestId('compare-control');
    await control.getByRole('button', { name: 'Förslag' }).click();
    expect(await page.evaluate(() => window.twin.compare()!.mode)).toBe('after');
    expect(await control.getByRole('button', { name: 'Förslag' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.compare-swipe').count()).toBe(0);
    await control.getByRole('button', { name: /Svep/ }).click();
    expect(await page.locator('.compare-swipe').count()).toBe(1);
    await control.getByRole('button', { name: 'Idag' }).click();
    expect(await page.evaluate(() => window.twin.compare()!.mode)).toBe('before');

    const errors = await page.evaluate(async () => {
      const out: string[] = [];
      for (const change of [{ id: 'nope' }, { mode: 'sideways' }, { split: 2 }, { split: Number.NaN }]) {
        try {
          await window.twin.setCompare(change as never);
          out.push('accepted');
        } catch (e) {
          out.push((e as Error).message);
        }
      }
      return out;
    });
    expect(errors).toEqual([
      'setCompare: no comparison "nope" in this scene (sundsbryggan)',
      'setCompare: mode must be before, after, swipe, got "sideways"',
      'setCompare: split must be a number from 0 to 1, got 2',
      'setCompare: split must be a number from 0 to 1, got null',
    ]);
    expect(await page.evaluate(() => window.twin.compare()!.mode)).toBe('before');
  });
});
