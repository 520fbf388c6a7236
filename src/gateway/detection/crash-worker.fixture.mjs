// A detection worker for the pool's tests: answers every text with no entities, exits on "crash",
// never answers "hang", and reports an error for "fail".
import { parentPort } from "node:worker_threads";

parentPort.on("message", (message) => {
  if (message.kind !== "detect") return;
  if (message.texts.includes("crash")) process.exit(3);
  if (message.texts.includes("hang")) return;
  if (message.texts.includes("fail")) {
    parentPort.postMessage({ kind: "error", id: message.id, message: "boom" });
    return;
  }
  parentPort.postMessage({ kind: "result", id: message.id, entities: message.texts.map(() => []) });
});
parentPort.postMessage({ kind: "ready" });
