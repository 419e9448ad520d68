// `pnpm demo`: the mock backends and the Vite dev server in one process, stopped together.
// - :8787, as Dfns: user registration, and user-action signing required on POST /auth/credentials;
// - :8788, a simple embed: signing off, the seeded demo user (token demo-token). The demo uses it at /?embed.
import { createMockBackend, type MockRefusal, mockOptionsFromEnv } from '@credkit/mock-backend';
import { createServer } from 'vite';

/** One line per refused request that set-up explains (an origin, a token, a missing user action). */
const logRefusals = (mock: string) => (refusal: MockRefusal) => {
  const { method, path, ...why } = refusal;
  console.warn(`credkit mock (${mock}) refused ${method} ${path}: ${JSON.stringify(why)}`);
};

const options = mockOptionsFromEnv(process.env);
const fullOptions = { ...options, onRefusal: logRefusals('Dfns flow') };
const embedOptions = { ...options, userActionSigning: 'off' as const, onRefusal: logRefusals('embed') };
const full = await createMockBackend(fullOptions).listen({ port: Number(process.env.MOCK_PORT ?? 8787) });
const embed = await createMockBackend(embedOptions).listen({ port: Number(process.env.MOCK_EMBED_PORT ?? 8788) });
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
