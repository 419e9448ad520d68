// `pnpm demo`: the mock backends and the Vite dev server in one process, stopped together.
// - :8787, as Dfns: user registration, and user-action signing required on POST /auth/credentials;
// - :8788, a simple embed: signing off, the seeded demo user (token demo-token). The demo uses it at /?embed.
import { createMockBackend, mockOptionsFromEnv } from '@credkit/mock-backend';
import { createServer } from 'vite';

const options = mockOptionsFromEnv(process.env);
const full = await createMockBackend(options).listen({ port: Number(process.env.MOCK_PORT ?? 8787) });
const embed = await createMockBackend({ ...options, userActionSigning: 'off' }).listen({
  port: Number(process.env.MOCK_EMBED_PORT ?? 8788),
});
console.log(`credkit mock backend (Dfns flow, user-action signing required) on ${full.url}`);
console.log(`credkit mock backend (simple embed, signing off, token demo-token) on ${embed.url}`);

const vite = await createServer({ root: new URL('..', import.meta.url).pathname });
await vite.listen();
vite.printUrls();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), full.close(), embed.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
