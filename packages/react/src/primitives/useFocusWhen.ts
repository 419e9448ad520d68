import { useEffect, useRef } from 'react';

/**
 * A ref to put on an element that takes focus each time `condition` turns true: when the browser's
 * sheet closes, focus goes to where the outcome is shown.
 */
export function useFocusWhen<T extends HTMLElement>(condition: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (condition) ref.current?.focus();
  }, [condition]);
  return ref;
}
