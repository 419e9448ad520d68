/**
 * A part's class: the one the root's `classNames` gives its part, then the one given to the part
 * itself; `undefined` when there is neither (no empty `class` attribute).
 */
export function partClassName<Part extends string>(
  classNames: Partial<Record<Part, string>>,
  part: Part,
  own: string | undefined,
): string | undefined {
  const joined = [classNames[part], own].filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}
