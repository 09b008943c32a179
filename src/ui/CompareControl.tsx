/**
 * The before / after control, shown when the scene has comparisons: the comparison's name
 * (a choice when there are several) and three toggle buttons, [before] [after] [Swipe], each
 * at least 44 px for kiosk touchscreens. In swipe mode it also puts the divider over the view.
 */
import { useStore } from 'zustand';
import { findComparison, sceneComparisons, type CompareMode } from '../state/compare-store';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';
import { SwipeDivider } from './SwipeDivider';

export function CompareControl() {
  const rt = useRuntime();
  const t = useT();
  const comparisons = useStore(rt.scene, (s) => sceneComparisons(s.doc));
  const activeId = useStore(rt.compare, (s) => s.activeId);
  const mode = useStore(rt.compare, (s) => s.mode);
  if (!comparisons || comparisons.length === 0) return null;
  const active = findComparison(comparisons, activeId);
  // with none active (turned off through the API), the buttons switch the first one on
  const shown = active ?? comparisons[0]!;
  const choose = (next: CompareMode) => {
    const store = rt.compare.getState();
    if (!active) store.setActive(shown.id);
    store.setMode(next);
  };
  const buttons: { mode: CompareMode; label: string }[] = [
    { mode: 'before', label: shown.before.name },
    { mode: 'after', label: shown.after.name },
    { mode: 'swipe', label: t('swipe') },
  ];
  return (
    <>
      {active && mode === 'swipe' ? <SwipeDivider before={active.before.name} after={active.after.name} /> : null}
      <section className="panel compare-control" aria-label={t('compare')} data-testid="compare-control">
        {comparisons.length > 1 ? (
          <select
            className="compare-choice"
            aria-label={t('compare')}
            value={shown.id}
            onChange={(e) => rt.compare.getState().setActive(e.target.value)}
          >
            {comparisons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <h2 className="compare-name">{shown.name}</h2>
        )}
        <div className="segmented" role="group" aria-label={shown.name}>
          {buttons.map((b) => (
            <button key={b.mode} type="button" data-mode={b.mode} aria-pressed={active !== null && mode === b.mode} onClick={() => choose(b.mode)}>
              {b.mode === 'swipe' ? <span aria-hidden="true">◧ </span> : null}
              {b.label}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}
