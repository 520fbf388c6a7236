import type { Recognizer } from "../../types.js";
import { organizationRecognizer } from "./organization.js";
import { personRecognizer } from "./person.js";

/** The names recognizers, in a fixed order. */
export function namesRecognizers(): Recognizer[] {
  return [personRecognizer, organizationRecognizer];
}
