import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The security headers of every answer. Fits the built web app: own scripts only, Mantine's inline styles, QR codes as data: images. */
export function securityHeadersMiddleware() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
  });
}

/**
 * The same headers as a plain object, for answers written without the Hono app (the gateway's
 * endpoints on Node): taken from the middleware itself, so the two can never differ.
 */
export async function staticSecurityHeaders(): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use("*", securityHeadersMiddleware());
  probe.get("/", (c) => c.body(null, 204));
  const response = await probe.request("/");
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}
