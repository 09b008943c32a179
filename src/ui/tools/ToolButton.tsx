/** The button that opens a tool's panel (and closes it again), with an icon and a label. */
import { useStore } from 'zustand';
import { toolStore, type ToolId } from './tool-store';

export function ToolButton({ tool, icon, label, className }: { tool: ToolId; icon: string; label: string; className: string }) {
  const open = useStore(toolStore, (s) => s.open === tool);
  return (
    <button type="button" className={`tool-button ${className}`} aria-expanded={open} onClick={() => toolStore.getState().setOpen(open ? null : tool)}>
      <span aria-hidden="true">{icon}</span> <span className="tool-button-label">{label}</span>
    </button>
  );
}
