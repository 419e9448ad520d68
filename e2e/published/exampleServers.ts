/** Where `pnpm test:published` (testPublished.ts) put an example and its servers: its three variables. */
export function exampleUnderTest() {
  const dir = process.env.CREDKIT_EXAMPLE_DIR;
  const appPort = Number(process.env.CREDKIT_EXAMPLE_PORT);
  const mockPort = Number(process.env.CREDKIT_MOCK_PORT);
  if (!dir || !appPort || !mockPort) {
    throw new Error(
      'e2e/published runs through `pnpm test:published`: CREDKIT_EXAMPLE_DIR, CREDKIT_EXAMPLE_PORT and CREDKIT_MOCK_PORT are unset',
    );
  }
  return { dir, appUrl: `http://localhost:${appPort}`, appPort, mockUrl: `http://localhost:${mockPort}`, mockPort };
}
