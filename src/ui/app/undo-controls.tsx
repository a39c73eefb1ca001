/** Undo and redo (zundo), as buttons and as Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) anywhere on the page. */
import { useEffect } from 'react';
import { usePlanContext, useTemporal } from '../../state/store-context';

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

export function UndoControls() {
  const { store } = usePlanContext();
  const canUndo = useTemporal(selectCanUndo);
  const canRedo = useTemporal(selectCanRedo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const t = store.temporal.getState();
      if (key === 'z' && !e.shiftKey) t.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') t.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <div className="undo" role="group" aria-label="History">
      <button type="button" disabled={!canUndo} onClick={() => store.temporal.getState().undo()} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => store.temporal.getState().redo()}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
    </div>
  );
}
