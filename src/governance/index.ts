/** The content half of the governance workbench: pure functions and data, no database or HTTP. */
export * from "./catalogue/index.js";
export * from "./disclosure/index.js";
export * from "./incidents/index.js";
export * from "./model.js";
export * from "./policy/index.js";
export * from "./register/index.js";
export * from "./rules/index.js";
export * from "./shadow-ai/index.js";
