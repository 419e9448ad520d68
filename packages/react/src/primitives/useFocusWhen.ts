import { useEffect, useRef } from 'react';

/**
 * A ref to put on an element that takes focus each time `condition` turns true: when the browser's
 * sheet closes, focus goes to where the outcome is shown.
 *
 * `afterPaint`: focus moves just after the next paint rather than in the commit. `focus()` lays the
 * page out there and then; a success shown in a live region (which announces it meanwhile) should be
 * on screen first (issue 26: it delayed a passkey's success by about a millisecond).
 */
export function useFocusWhen<T extends HTMLElement>(condition: boolean, { afterPaint = false } = {}) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!condition) return;
    if (!afterPaint) {
      ref.current?.focus();
      return;
    }
    // A frame, then a task: the task runs once that frame has been painted. If the person has put
    // focus somewhere in between, it stays there.
    const focused = document.activeElement;
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => {
        if (document.activeElement === focused) ref.current?.focus();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [condition, afterPaint]);
  return ref;
}
