// Its own module: code in the page's start bundle (the fetcher) needs only this of the shape checks,
// which a bundler would otherwise pull in whole (Rollup places a module shared with a lazy chunk, and
// everything any chunk uses of it, in the start bundle).

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
