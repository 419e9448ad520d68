import { type ComponentType, forwardRef, lazy, type RefAttributes, Suspense } from 'react';

/**
 * A part whose code is a chunk of its own, loaded when the part first renders: a form pays at start
 * for the parts it shows, not for every kind's (issue 26). Until the chunk is in (a moment after the
 * form mounts; on the server, not at all) the part renders nothing, as it does when its kind is not
 * the form's. It takes the same props and ref as the part it loads.
 */
export function lazyPart<Props extends object, Instance>(
  displayName: string,
  load: () => Promise<ComponentType<Props & RefAttributes<Instance>>>,
) {
  const Loaded = lazy(async () => ({ default: await load() }));
  const Part = forwardRef<Instance, Props>(function LazyPart(props, ref) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} ref={ref} />
      </Suspense>
    );
  });
  Part.displayName = displayName;
  return Part;
}
