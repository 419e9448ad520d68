// `pnpm mock`: the mock backend on http://localhost:8787 (PORT overrides), configured by MOCK_* variables.
import { mockOptionsFromEnv, resolveMockOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { allowedOriginsText } from './isAllowedOrigin.ts';

const options = resolveMockOptions(mockOptionsFromEnv(process.env));
const server = await createMockBackend(options).listen({ port: Number(process.env.PORT ?? 8787) });
console.log(
  `credkit mock backend listening on ${server.url} (rp ${options.rpId}, origins ${allowedOriginsText(options.origins)}, org ${options.orgId}, token ${options.token}, user-action signing ${options.userActionSigning})`,
);

async function stop() {
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
