import { useCallback, useRef, useState } from 'react';

/**
 * A value the host may own (`value` + `onChange`) or leave to the component (`defaultValue`), as
 * Radix's `useControllableState`: controlled while `value` is not `undefined`.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((value: Exclude<T, undefined>) => void) | undefined,
): [T, (next: Exclude<T, undefined>) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback(
    (next: Exclude<T, undefined>) => {
      if (!controlled) setOwn(next);
      onChangeRef.current?.(next);
    },
    [controlled],
  );
  return [controlled ? value : own, set];
}
