import { createMiddleware } from 'hono/factory';
import { DfnsHttpError } from '../errors.ts';

const decoder = new TextDecoder();

const tooLarge = (maxBytes: number) => new DfnsHttpError(413, `Request body is larger than ${maxBytes / 1024} KiB`);

/**
 * Reads a request's body once, as it streams in, refusing it with a 413 past `maxBytes` (so a lying or
 * missing Content-Length does not help), and leaves its UTF-8 text where `c.req.text()` finds it.
 * Hono's `bodyLimit` does the same but then builds a second `Request` around the bytes: a third of
 * the mock's own cost of an in-process request.
 */
export function readBodyWithin(maxBytes: number) {
  return createMiddleware(async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
    let bytes = chunks[0] ?? new Uint8Array(0);
    if (chunks.length > 1) {
      bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    // Hono's cache of the body, public on HonoRequest: every later `c.req.text()` answers from it. Its
    // type says string, but Hono stores (and chains on) the promise its `text()` returns: so do we.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(decoder.decode(bytes));
    await next();
  });
}
