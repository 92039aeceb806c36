import type { FastifyRequest } from 'fastify';

/**
 * Whether a browser's request comes from our own page: its `Origin` names
 * the host it was sent to (or the public URL). A second layer behind the
 * SameSite=Strict cookie. A request without `Origin` is not a browser's
 * cross-site post (browsers always send it on POST) and passes.
 */
export function isSameOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const { host, origin: normalized } = new URL(origin);
    return host === request.host || (publicUrl !== undefined && normalized === new URL(publicUrl).origin);
  } catch {
    // "null" (a sandboxed frame, a file: page) or garbage: not our page.
    return false;
  }
}
