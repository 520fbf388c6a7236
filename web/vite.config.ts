import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The dashboard and team chat. Built into dist/web, which `poortwachter start` serves on the
 * gateway's port. In development `vite --config web/vite.config.ts` proxies the API to a running
 * instance on :8080.
 */
export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080", "/v1": "http://127.0.0.1:8080" },
  },
});
