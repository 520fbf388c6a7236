/**
 * A detection worker: the pool's detector in a thread of its own. Pure compute, one message at a
 * time, in order, so a spec message is applied before every detect message posted after it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputTooLargeError } from "../../detect/index.js";
import { foldText } from "../../detect/normalize.js";
import { findKeywords } from "../../policy/keywords.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { buildDetector, type DetectorSpec } from "./spec.js";

const port = parentPort;
if (!port) throw new Error("the detection worker runs in a worker thread only");

let detector = buildDetector(workerData as DetectorSpec);

port.on("message", (message: ToWorker) => {
  if (message.kind === "spec") {
    detector = buildDetector(message.spec);
    return;
  }
  let reply: FromWorker;
  try {
    const entities = message.texts.map((text) => detector.detect(text));
    reply = message.keywords
      ? { kind: "result", id: message.id, entities, keywords: findKeywords(foldText(message.texts.join("\n"))) }
      : { kind: "result", id: message.id, entities };
  } catch (error) {
    reply = {
      kind: "error",
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof InputTooLargeError ? { tooLarge: { actual: error.actual, limit: error.limit } } : {}),
    };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: "ready" } satisfies FromWorker);
