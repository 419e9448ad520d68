// `pnpm demo`: the mock backend and the Vite dev server in one process, stopped together.
import { createMockBackend, mockOptionsFromEnv } from '@credkit/mock-backend';
import { createServer } from 'vite';

const mockPort = Number(process.env.MOCK_PORT ?? 8787);
const backend = createMockBackend(mockOptionsFromEnv(process.env));
const mock = await backend.listen({ port: mockPort });
console.log(`credkit mock backend on ${mock.url} (token ${process.env.MOCK_TOKEN ?? 'demo-token'})`);

const vite = await createServer({ root: new URL('..', import.meta.url).pathname });
await vite.listen();
vite.printUrls();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), mock.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
