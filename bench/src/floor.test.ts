import * as core from '@credkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBehaviour } from './floor/behaviourChecks.js';
import * as floor from './floor/fido2PathFloor.js';

// The floor study's size only means something if it does what the core does: both must pass the
// same behaviour checks (src/floor/README.md).
describe('floor study', () => {
  afterEach(() => {
    // The checks install and remove these globals; make sure none leaks into the next run.
    Reflect.deleteProperty(globalThis, 'PublicKeyCredential');
    Reflect.deleteProperty(globalThis, 'location');
  });

  it('should pass every behaviour check with @credkit/core', async () => {
    expect(await checkBehaviour(core)).toEqual([]);
  });

  it('should pass every behaviour check with the floor file', async () => {
    expect(await checkBehaviour(floor)).toEqual([]);
  });

  it('should fail the checks when a behaviour is missing', async () => {
    // A check list that passes anything proves nothing: with a fetcher that drops the server's
    // message, the checks that read it must fail.
    const broken = {
      ...floor,
      createFetcher: (options: Parameters<typeof floor.createFetcher>[0]) => {
        const fetcher = floor.createFetcher(options);
        return (request: Parameters<typeof fetcher>[0]) =>
          fetcher(request).catch((error: { serverMessage?: string }) => {
            error.serverMessage = undefined;
            throw error;
          });
      },
    };
    const failures = await checkBehaviour(broken);
    expect(failures).toContain('403');
    expect(failures).toContain('message body');
  });
});
