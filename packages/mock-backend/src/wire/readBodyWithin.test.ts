import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DfnsHttpError, dfnsErrorBody } from '../errors.ts';
import { readBodyWithin } from './readBodyWithin.ts';

const LIMIT = 1024;

function setup() {
  const app = new Hono();
  app.onError((error, c) =>
    error instanceof DfnsHttpError ? c.json(dfnsErrorBody(error.message), error.status) : c.text('unexpected', 500),
  );
  app.use('*', readBodyWithin(LIMIT));
  // Read twice: the second read answers from the same cache.
  app.post('/', async (c) => c.json({ first: await c.req.text(), again: await c.req.text() }));
  return app;
}

/** A body streamed in `parts`, with no Content-Length (as an in-process Request or a chunked upload). */
function streamed(parts: string[]) {
  const bytes = parts.map((part) => new TextEncoder().encode(part));
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of bytes) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const post = (app: Hono, body: BodyInit, headers: Record<string, string> = {}) =>
  app.fetch(new Request('http://mock.test/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit));

describe('readBodyWithin', () => {
  it('should join a body streamed in chunks, up to the limit exactly, for every c.req.text()', async () => {
    const text = `é${'x'.repeat(LIMIT - 2 - 300)}${'y'.repeat(300)}`;
    const response = await post(setup(), streamed([text.slice(0, 100), text.slice(100, 700), text.slice(700)]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ first: text, again: text });
  });

  it('should read an empty body as empty text', async () => {
    const response = await post(setup(), '');
    expect(await response.json()).toEqual({ first: '', again: '' });
  });

  it('should refuse one byte over the limit with a 413, streamed or declared', async () => {
    const app = setup();
    const over = streamed(['x'.repeat(600), 'x'.repeat(LIMIT - 600 + 1)]);
    expect((await post(app, over)).status).toBe(413);
    const declared = await post(app, 'x', { 'Content-Length': String(LIMIT + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { message: 'Request body is larger than 1 KiB' } });
  });
});
