/**
 * What a detector is made of, in a form that can be posted to a worker thread: the customer
 * dictionary's entries and custom recognizer specs. A worker rebuilds exactly the main thread's
 * detector from it (built-in recognizers first, then these, in this order).
 */
import { loadCustomRecognizers } from "../../detect/custom/validate-pattern.js";
import {
  CustomerDictionary,
  type CustomRecognizerSpec,
  Detector,
  type DictionaryEntry,
  type Recognizer,
} from "../../detect/index.js";

export interface DetectorSpec {
  dictionary?: readonly DictionaryEntry[];
  recognizers?: readonly CustomRecognizerSpec[];
}

export function buildDetector(spec: DetectorSpec = {}): Detector {
  const extras: Recognizer[] = [];
  if (spec.dictionary && spec.dictionary.length > 0) extras.push(new CustomerDictionary(spec.dictionary));
  if (spec.recognizers && spec.recognizers.length > 0) extras.push(...loadCustomRecognizers(spec.recognizers));
  return extras.length === 0 ? new Detector() : new Detector({ extraRecognizers: extras });
}
