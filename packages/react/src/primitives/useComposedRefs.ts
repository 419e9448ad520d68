import { type Ref, type RefCallback, useCallback } from 'react';

/**
 * One ref callback that sets every given ref: a part's own ref and the one the host forwarded. The
 * same callback while the refs stay the same, so React does not detach and re-attach them each render.
 */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // The refs themselves are the dependencies: a new callback only when one of them changes.
  return useCallback((node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    }
  }, refs);
}
