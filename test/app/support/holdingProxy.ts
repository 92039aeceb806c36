// A pass-through in front of the fake Bot API that can hold calls to one
// method: the application's request stays open (in flight) until the test
// releases it, so a test can stop the application in the middle of a turn.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** Resolves when a call to `method` arrives and is being held. */
  held: Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string, method: string): Promise<HoldingProxy> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    const holding = req.url?.endsWith(`/${method}`) ?? false;
    if (holding) arrived();
    void (holding ? released : Promise.resolve()).then(() => forward(target, req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, held, release, close };
}

function forward(target: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(`${target}${req.url ?? ''}`, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}
