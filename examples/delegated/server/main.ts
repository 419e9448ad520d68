import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { configFromEnv } from './config.ts';
import { createDfnsClients } from './dfns.ts';
import { createRoutes } from './routes.ts';

const config = configFromEnv(process.env);
const app = createRoutes(createDfnsClients(config));
// The built web app, from the same origin as its API: one cookie, no CORS.
app.use('/*', serveStatic({ root: config.webRoot }));
app.get('/*', serveStatic({ path: `${config.webRoot}/index.html` }));

serve({ fetch: app.fetch, port: config.port, hostname: 'localhost' }, ({ port }) => {
  console.log(`delegated example on http://localhost:${port} (Dfns API ${config.dfnsApiUrl})`);
});
