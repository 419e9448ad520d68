// The HTTP server of `listen` (and so of `credkit-mock`) against slow, vanishing and greedy clients.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { createMockBackend, type ListenOptions, type MockServer } from './createMockBackend.ts';

const servers: MockServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  vi.restoreAllMocks();
});

async function listen(options: ListenOptions = {}) {
  const server = await createMockBackend().listen({ port: 0, hostname: '127.0.0.1', ...options });
  servers.push(server);
  return server;
}

/** A raw TCP client: what it has received, and a promise of its closing. */
async function openSocket(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const received = { text: '' };
  socket.on('data', (chunk: Buffer) => {
    received.text += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received, closed };
}

const HEAD =
  'POST /auth/registration/init HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('listen', () => {
  it('should log a client that disconnects mid-body as one short line, not an error with a stack', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await listen();
    const { socket } = await openSocket(server.port);
    socket.write(`${HEAD}{"orgId":"${DEFAULT_ORG_ID}",`);
    // Headers and a part of the body arrive first: the route starts reading, and the rest never comes.
    socket.destroy();

    await until(() => warn.mock.calls.length + error.mock.calls.length > 0);
    expect(warn.mock.calls).toEqual([
      ['credkit mock backend: POST /auth/registration/init: the client disconnected before its request was read'],
    ]);
    expect(error).not.toHaveBeenCalled();
  });

  it('should close a connection whose headers or body come too slowly, with a 408', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = await listen({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const slowHeaders = await openSocket(server.port);
    slowHeaders.socket.write('POST /auth/registration/init HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const slowBody = await openSocket(server.port);
    slowBody.socket.write(`${HEAD}{"orgId":`);

    const started = performance.now();
    await Promise.all([slowHeaders.closed, slowBody.closed]);
    // Node's defaults held them 60 s and 300 s; generous for a busy machine, far below those.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(slowHeaders.received.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowBody.received.text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('should close connections beyond maxConnections at once, and serve the others', async () => {
    const server = await listen({ maxConnections: 2 });
    const first = await openSocket(server.port);
    await openSocket(server.port);
    const third = await openSocket(server.port);
    await third.closed;
    expect(third.received.text).toBe('');

    first.socket.write('GET /no-such-route HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await until(() => first.received.text.includes('\r\n\r\n'));
    expect(first.received.text).toMatch(/^HTTP\/1\.1 404 /);
  });
});
