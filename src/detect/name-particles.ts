/**
 * Surname particles (tussenvoegsels) and their foreign cousins, folded, as written between a
 * given name and a surname (`van der`, `in 't`, `de la`, `el`). Shared by the customer
 * dictionary's name variants and the pseudonymiser's person variants, so both split a name
 * the same way.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "van",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "te",
  "ten",
  "ter",
  "in",
  "op",
  "aan",
  "bij",
  "uit",
  "voor",
  "la",
  "le",
  "du",
  "da",
  "di",
  "von",
  "zu",
  "'s",
  "d'",
  "t",
  "vd",
  "v.d.",
  "del",
  "el",
  "al",
]);
