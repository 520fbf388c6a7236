/**
 * Serves the built web app (dist/web) on the gateway's port: files by path, and index.html for
 * any other GET that asks for HTML, so client-side routes such as /dashboard survive a reload.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the server module");
    dir = parent;
  }
  return dir;
}

export function defaultWebRoot(): string {
  return join(packageRoot(), "dist", "web");
}

/** Mounts the web app; returns false (and mounts a short explanation at /) when it was not built. */
export function mountWebApp(app: Hono, webRoot = defaultWebRoot()): boolean {
  const indexFile = join(webRoot, "index.html");
  if (!existsSync(indexFile)) {
    app.get("/", (c) =>
      c.text(
        "Poortwachter draait, maar de webapp is niet gebouwd. Voer `npm run build` uit en start opnieuw.\n" +
          "Poortwachter is running, but the web app was not built. Run `npm run build` and start again.\n",
        503,
      ),
    );
    return false;
  }
  const root = resolve(webRoot);
  // Read again when the file changes: after a rebuild (`npm run build` while running) the old
  // index.html would point at asset names that no longer exist, and the page would stay blank.
  let index = { mtimeMs: -1, html: "" };
  const currentIndex = (): string => {
    const { mtimeMs } = statSync(indexFile);
    if (mtimeMs !== index.mtimeMs) index = { mtimeMs, html: readFileSync(indexFile, "utf8") };
    return index.html;
  };
  app.use(
    "/assets/*",
    serveStatic({
      root,
      onFound: (_path, c) => {
        // Vite names assets by content hash: they never change under the same name.
        c.header("cache-control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", (c) => {
    const path = c.req.path;
    if (path.startsWith("/api/") || path.startsWith("/v1/")) return c.notFound();
    c.header("cache-control", "no-cache");
    return c.html(currentIndex());
  });
  return true;
}
