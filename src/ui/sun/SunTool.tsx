/**
 * The sun study on the desktop: a button, and its panel (loaded when first opened: planners
 * use it, not every visitor).
 */
import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { ToolButton } from '../tools/ToolButton';
import { toolStore } from '../tools/tool-store';
import { useT } from '../i18n';
import '../tools/tools.css';

const SunPanel = lazy(() => import('./SunPanel'));

export function SunTool() {
  const t = useT();
  const open = useStore(toolStore, (s) => s.open === 'sun');
  return (
    <>
      <ToolButton tool="sun" icon="☀" label={t('sunTool')} className="tool-button-sun" />
      {open ? (
        <Suspense fallback={null}>
          <SunPanel />
        </Suspense>
      ) : null}
    </>
  );
}
