/**
 * Some of a component's texts, to replace its English ones: a group of texts (an object) may be
 * given in part, and merges with the English group.
 */
export type MessagesInput<TMessages> = {
  [K in keyof TMessages]?: TMessages[K] extends (...args: never[]) => unknown
    ? TMessages[K]
    : TMessages[K] extends object
      ? Partial<TMessages[K]>
      : TMessages[K];
};

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A component's texts: its English ones (`english<Component>Messages`) with `input`'s in place,
 * group by group. The one merge of every component family.
 */
export function mergeMessages<TMessages extends object>(
  english: TMessages,
  input: MessagesInput<TMessages> = {},
): TMessages {
  const base = english as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const group = base[key];
    merged[key] = isGroup(value) && isGroup(group) ? { ...group, ...value } : value;
  }
  return merged as unknown as TMessages;
}
