import { useEffect, useState } from "react";
import { Detector, type Entity, InputTooLargeError } from "../../../../src/detect/index.js";

let detector: Detector | undefined;

/** One detector for the tab: building it (gazetteers) costs more than scanning a message. */
function browserDetector(): Detector {
  detector ??= new Detector();
  return detector;
}

export interface LiveEntities {
  entities: Entity[];
  /** The text is longer than the detector takes in one go. */
  tooLong: boolean;
}

/**
 * The personal data in `text`, found in the browser while the person types. Debounced, so a
 * burst of keystrokes costs one scan, and the scan of a long text never blocks typing.
 */
export function useLiveEntities(text: string, delayMs = 200): LiveEntities {
  const [state, setState] = useState<LiveEntities>({ entities: [], tooLong: false });
  useEffect(() => {
    if (text.trim() === "") {
      setState({ entities: [], tooLong: false });
      return;
    }
    // A long paste (a scan of 100 000 characters takes ~50 ms) waits a little longer for typing to pause.
    const wait = text.length > 20_000 ? delayMs * 3 : delayMs;
    const timer = setTimeout(() => {
      try {
        setState({ entities: browserDetector().detect(text), tooLong: false });
      } catch (error) {
        setState({ entities: [], tooLong: error instanceof InputTooLargeError });
      }
    }, wait);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return state;
}

/** Detection right now (the anonymise page's button), with the same detector. */
export function detectNow(text: string): Entity[] {
  return browserDetector().detect(text);
}
