/** The business's own customer list as a recognizer. Pure: parsing takes text, never a file. */
export { CustomerDictionary } from "./customer-dictionary.js";
export { type DictionaryEntry, dictionaryKey, inferType } from "./entries.js";
export { type DictionaryFormat, DictionaryFormatError, parseDictionary, parseEntityType } from "./parse.js";
