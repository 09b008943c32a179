/** Measuring's controls as data (the mode, finishing an area, clearing), for the desktop tool and the XR menu. */
import { registerSceneControls } from './scene-controls';
import { MEASURE_MODES, type MeasureMode } from './measure-store';

const MODE_LABELS: Record<MeasureMode, { sv: string; en: string }> = {
  distance: { sv: 'Avstånd', en: 'Distance' },
  height: { sv: 'Höjd över mark', en: 'Height above ground' },
  area: { sv: 'Yta', en: 'Area' },
};

registerSceneControls({
  id: 'measure',
  label: { sv: 'Mät', en: 'Measure' },
  controls: [
    {
      kind: 'choice',
      id: 'mode',
      label: { sv: 'Mät', en: 'Measure' },
      options: MEASURE_MODES.map((m) => ({ id: m, label: MODE_LABELS[m] })),
      value: (ctx) => ctx.measure.getState().mode,
      // choosing the active mode again ends measuring
      set: (ctx, id) => {
        const s = ctx.measure.getState();
        s.setMode(s.mode === id ? null : (id as MeasureMode));
      },
    },
    {
      kind: 'action',
      id: 'close',
      label: { sv: 'Stäng ytan', en: 'Close the area' },
      run: (ctx) => ctx.measure.getState().close(),
      enabled: (ctx) => {
        const s = ctx.measure.getState();
        return s.mode === 'area' && s.points.length >= 3 && !s.closed;
      },
    },
    {
      kind: 'action',
      id: 'clear',
      label: { sv: 'Rensa', en: 'Clear' },
      run: (ctx) => ctx.measure.getState().clear(),
      enabled: (ctx) => ctx.measure.getState().points.length > 0,
    },
  ],
});
