export { ensureAdminToken, rotateAdminToken, verifyAdminToken } from "./admin-token.js";
export { createServerApp, type ServerAppOptions } from "./app.js";
export { type ConfigFlags, type InstanceConfig, resolveConfig } from "./config.js";
export { withGovernance } from "./instance.js";
export { type ServeAppOptions, serveApp } from "./listen.js";
export { type RunningServer, type StartOptions, startServer } from "./server.js";
