export {
  allDisclosureTexts,
  DisclosureOptions,
  type DisclosureText,
  DisclosureVariant,
  disclosureText,
} from "./texts.js";
