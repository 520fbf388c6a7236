import type { Recognizer } from "../../types.js";
import { bsnRecognizer } from "./bsn.js";
import { creditCardRecognizer } from "./credit-card.js";
import { ibanRecognizer } from "./iban.js";
import { idDocumentRecognizer } from "./id-document.js";
import { kvkRecognizer } from "./kvk.js";
import { licensePlateRecognizer } from "./license-plate.js";
import { vatIdRecognizer } from "./vat-id.js";

/** The identifiers recognizers, in a fixed order. */
export function identifiersRecognizers(): Recognizer[] {
  return [
    bsnRecognizer,
    ibanRecognizer,
    creditCardRecognizer,
    vatIdRecognizer,
    kvkRecognizer,
    idDocumentRecognizer,
    licensePlateRecognizer,
  ];
}
