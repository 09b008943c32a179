/**
 * One tool control drawn from its data (`registerSceneControls`), as the XR menu draws it
 * too: a toggle is a check box, a choice a row of buttons, a range a slider with its value,
 * an action a button. The caller re-renders it when the stores it reads change.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { SceneControl } from '../../state/scene-controls';
import { uiStore } from '../../state/ui-store';
import { useRuntime } from '../../scene/runtime-context';

export function SceneControlView({ control, showLabel = true }: { control: SceneControl; showLabel?: boolean }) {
  const rt = useRuntime();
  const lang = useStore(uiStore, (s) => s.lang);
  const id = useId();
  const label = control.label[lang];
  switch (control.kind) {
    case 'toggle':
      return (
        <label className="tool-toggle" data-control={control.id}>
          <input type="checkbox" checked={control.value(rt)} onChange={(e) => control.set(rt, e.target.checked)} />
          <span>{label}</span>
        </label>
      );
    case 'choice': {
      const value = control.value(rt);
      return (
        <div className="segmented tool-choice" role="group" aria-label={label} data-control={control.id}>
          {control.options.map((o) => (
            <button key={o.id} type="button" data-option={o.id} aria-pressed={value === o.id} onClick={() => control.set(rt, o.id)}>
              {o.label[lang]}
            </button>
          ))}
        </div>
      );
    }
    case 'range': {
      const value = control.value(rt);
      const min = control.min(rt);
      const max = control.max(rt);
      return (
        <div className="tool-range" data-control={control.id}>
          {showLabel ? <label htmlFor={id}>{label}</label> : null}
          <input
            id={id}
            type="range"
            min={min}
            max={max}
            step={control.fineStep ?? control.step}
            value={Math.min(max, Math.max(min, value))}
            aria-valuetext={control.format(rt, value, lang)}
            onChange={(e) => control.set(rt, Number(e.target.value))}
          />
          <output htmlFor={id}>{control.format(rt, value, lang)}</output>
        </div>
      );
    }
    case 'action':
      return (
        <button type="button" className="tool-action" data-control={control.id} disabled={!(control.enabled?.(rt) ?? true)} onClick={() => control.run(rt)}>
          {label}
        </button>
      );
  }
}
