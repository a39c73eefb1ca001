/**
 * A visible drop target with a file picker beside the drop: files dropped on it (or picked) go to
 * `onFiles`; text dragged into a field inside keeps its usual behaviour.
 */
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';

interface Props {
  /** What to drop here, shown at the top of the zone (and naming the group). */
  title: ReactNode;
  /** Label of the file picker. */
  pickLabel: string;
  accept?: string;
  multiple?: boolean;
  onFiles(files: File[]): void;
  children?: ReactNode;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function DropZone({ title, pickLabel, accept, multiple, onFiles, children }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the highlight does not flicker.
  const depth = useRef(0);
  const leave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      role="group"
      aria-labelledby={`${id}-title`}
      data-drop-zone=""
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={leave}
      onDrop={(e) => {
        const files = Array.from(e.dataTransfer?.files ?? []);
        if (files.length === 0) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        onFiles(multiple ? files : files.slice(0, 1));
      }}
    >
      <p id={`${id}-title`}>{title}</p>
      <div className="field">
        <label htmlFor={`${id}-pick`}>{pickLabel}</label>
        <input
          id={`${id}-pick`}
          type="file"
          accept={accept}
          multiple={multiple}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </div>
      {children}
    </div>
  );
}
