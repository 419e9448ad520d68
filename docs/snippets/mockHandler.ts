import { createMockHandler } from '@credkit/mock-backend/handler';

const handle = createMockHandler({ origins: [location.origin], rpId: location.hostname });
const response = await handle(
  new Request(`${location.origin}/auth/credentials`, { headers: { Authorization: 'Bearer demo-token' } }),
);
console.log(response.status);
