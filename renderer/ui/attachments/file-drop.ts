// Files dragged from the desktop onto a screen or a record's panel: the element shows that it takes them while they
// are over it, and a drop hands them over. Anything else dragged (text, a link, a row) is left to its own handlers.
import { useRef, useState } from 'react';

/** What the handlers read of a drag event: React's and the DOM's both have it. */
interface DragLike {
  dataTransfer: DataTransfer | null;
  preventDefault(): void;
  stopPropagation(): void;
}

/** `enabled` false: the element takes no files (a read-only case), and the window's own refusal stands. */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed; the count says when the pointer left the element itself.
  const depth = useRef(0);
  const carriesFiles = (e: DragLike) => enabled && !!e.dataTransfer?.types.includes('Files');
  return {
    over,
    handlers: {
      onDragEnter(e: DragLike) {
        if (!carriesFiles(e)) return;
        depth.current += 1;
        setOver(true);
      },
      onDragOver(e: DragLike) {
        if (!carriesFiles(e)) return;
        e.preventDefault(); // says the element takes the drop
        e.dataTransfer!.dropEffect = 'copy';
      },
      onDragLeave(e: DragLike) {
        if (!carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop(e: DragLike) {
        if (!carriesFiles(e)) return;
        e.preventDefault(); // the files are attached, never opened by the window
        e.stopPropagation(); // a panel inside a screen that also takes files: the innermost one has them
        depth.current = 0;
        setOver(false);
        const files = [...e.dataTransfer!.files];
        if (files.length) onFiles(files);
      },
    },
  };
}
