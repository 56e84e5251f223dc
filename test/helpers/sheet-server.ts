import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers: a CSV (with an ETag, honouring If-None-Match), or something else entirely. */
export type SheetAnswer = { csv: string } | { status: number; body?: string; headers?: Record<string, string> } | ((res: ServerResponse) => void);

/**
 * A sheet served over http on 127.0.0.1 (or another loopback address), as Google Sheets serves an export: change `answer` to edit
 * it or break it. Every request's headers are kept, to see what Lifeline asked.
 */
export async function startSheetServer(answer: SheetAnswer, host = '127.0.0.1') {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const state = { answer };
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const current = state.answer;
    if (typeof current === 'function') return current(res);
    if ('csv' in current) {
      const etag = `"${createHash('sha256').update(current.csv).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      return res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', etag }).end(current.csv);
    }
    res.writeHead(current.status, current.headers ?? {}).end(current.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/sheet.csv') => `http://${host}:${port}${path}`,
    requests,
    set answer(next: SheetAnswer) {
      state.answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
