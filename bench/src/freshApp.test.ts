import { describe, expect, it } from 'vitest';
import { credkitOver, freshAppProblems, freshAppTable, measureFreshApp } from './freshApp.ts';

// The fresh-app row of `pnpm bench`, in `pnpm test` too: the packages packed as published, installed
// into a Vite + React + react-query app outside the repository and built. What credkit adds to the start
// bundle must stay under its ceiling, and the code a Fido2 form does not show must stay in lazy chunks.
describe('what a fresh Vite host downloads', () => {
  // Builds and packs three packages, may npm-install the app from the registry, runs vite build three times.
  it('should keep what credkit adds at start under its ceiling, and lazy code out of the start bundle', () => {
    const result = measureFreshApp();
    console.log(freshAppTable(result));
    expect(credkitOver(result, 'reactQuery')).toBeGreaterThan(0);
    expect(freshAppProblems(result), freshAppTable(result)).toEqual([]);
  }, 600_000);
});
