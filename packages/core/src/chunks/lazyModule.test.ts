import { describe, expect, it } from 'vitest';
import { isCredkitError } from '../errors/credkitError.ts';
import { lazyModule } from './lazyModule.ts';

describe('lazyModule', () => {
  it('should hold the module once a load resolves, for a call without an await', async () => {
    const module = { answer: 42 };
    const lazy = lazyModule(async () => module);
    expect(lazy.loaded).toBeUndefined();
    await expect(lazy.load()).resolves.toBe(module);
    expect(lazy.loaded).toBe(module);
  });

  it('should fail a chunk that does not load as network, and ask for it again next time', async () => {
    const chunkGone = new TypeError('Failed to fetch dynamically imported module');
    let imports = 0;
    const lazy = lazyModule(async () => {
      imports += 1;
      if (imports === 1) throw chunkGone;
      return { loadedOnRetry: true };
    }, 'ceremony');

    const failure = await lazy.load().catch((error: unknown) => error);
    expect(isCredkitError(failure) && failure.code).toBe('network');
    expect(isCredkitError(failure) && failure.phase).toBe('ceremony');
    expect((failure as Error).cause).toBe(chunkGone);
    expect(lazy.loaded).toBeUndefined();

    await expect(lazy.load()).resolves.toEqual({ loadedOnRetry: true });
    expect(imports).toBe(2);
  });
});
