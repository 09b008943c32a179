/** Measuring on the desktop: a button, and its panel (loaded when first opened). */
import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { ToolButton } from '../tools/ToolButton';
import { toolStore } from '../tools/tool-store';
import { useT } from '../i18n';
import '../tools/tools.css';

const MeasurePanel = lazy(() => import('./MeasurePanel'));

export function MeasureTool() {
  const t = useT();
  const open = useStore(toolStore, (s) => s.open === 'measure');
  return (
    <>
      <ToolButton tool="measure" icon="↔" label={t('measureTool')} className="tool-button-measure" />
      {open ? (
        <Suspense fallback={null}>
          <MeasurePanel />
        </Suspense>
      ) : null}
    </>
  );
}
