import type { SyntheticEvent } from 'react';

/**
 * One handler that runs the host's, then the part's own unless the host's called
 * `event.preventDefault()`: how a host stops a part's behaviour (a click, a submit) without
 * replacing it.
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  host: ((event: E) => void) | undefined,
  own: (event: E) => void,
): (event: E) => void {
  return (event) => {
    host?.(event);
    if (!event.defaultPrevented) own(event);
  };
}
