import type { Recognizer } from "../detect/index.js";

export interface ExtrasOptions {
  dictionaries: string[];
}

/** Recognizers the CLI adds from files: customer dictionaries. */
export function loadDetectorExtras(options: ExtrasOptions): Recognizer[] {
  if (options.dictionaries.length > 0) throw new Error("--dictionary is not available yet");
  return [];
}
