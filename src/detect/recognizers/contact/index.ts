import type { Recognizer } from "../../types.js";
import { addressRecognizer } from "./address.js";
import { dateOfBirthRecognizer } from "./date-of-birth.js";
import { emailRecognizer } from "./email.js";
import { ipAddressRecognizer } from "./ip-address.js";
import { phoneRecognizer } from "./phone.js";
import { postcodeRecognizer } from "./postcode.js";

/** The contact recognizers, in a fixed order. */
export function contactRecognizers(): Recognizer[] {
  return [
    emailRecognizer,
    phoneRecognizer,
    postcodeRecognizer,
    addressRecognizer,
    ipAddressRecognizer,
    dateOfBirthRecognizer,
  ];
}
