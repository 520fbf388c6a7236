/**
 * Phrases that try to take over a model, in English and Dutch, matched on folded text (lower
 * case, no accents) from which invisible characters were already removed, so `ig\u200bnore`
 * reads as `ignore`. Every pattern is an alternation of literals with single-word steps, which
 * keeps matching linear (checked with recheck in the tests).
 */

export interface InjectionPhrase {
  id: string;
  pattern: RegExp;
}

const ALL_EN = String.raw`(?:(?:all|any|the|your|my|of|these|those)\s+)*`;
const ALL_NL = String.raw`(?:(?:alle|al|de|je|jouw|uw|mijn|het|deze|die)\s+)*`;

export const INJECTION_PHRASES: readonly InjectionPhrase[] = [
  {
    id: "ignore-previous",
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|skip|forget|override|bypass)\s+${ALL_EN}(?:previous|prior|above|earlier|preceding|former|original|initial|system|safety)\s+(?:instructions?|prompts?|rules|directions|directives|messages|guidelines|context)\b`,
      "g",
    ),
  },
  {
    id: "ignore-instructions",
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget)\s+${ALL_EN}(?:instructions|rules|guidelines|everything\s+(?:above|before|you\s+were\s+told))\b`,
      "g",
    ),
  },
  {
    id: "negeer-vorige",
    pattern: new RegExp(
      String.raw`\b(?:negeer|vergeet|verwaarloos|overschrijf|omzeil)\s+${ALL_NL}(?:vorige|voorgaande|eerdere|bovenstaande|oorspronkelijke|originele|systeem)[\s-]*(?:instructies?|opdrachten|opdracht|regels|prompts?|aanwijzingen|richtlijnen|berichten)\b`,
      "g",
    ),
  },
  {
    id: "negeer-instructies",
    pattern: new RegExp(
      String.raw`\b(?:negeer|vergeet)\s+${ALL_NL}(?:instructies|regels|opdrachten|richtlijnen|aanwijzingen|alles\s+wat\s+(?:je|jij|u)\s+(?:is|werd)\s+(?:gezegd|verteld))\b`,
      "g",
    ),
  },
  {
    id: "role-override",
    pattern:
      /\b(?:(?:you\s+are|you're)\s+now\s+(?:a|an|the|in|my|no\s+longer|dan|free|unrestricted|jailbroken)|from\s+now\s+on\s+you\s+(?:are|will|must)|pretend\s+(?:to\s+be|you\s+are)|(?:je|jij|u)\s+bent\s+(?:vanaf\s+)?nu\s+(?:een|de|mijn|in|geen|niet\s+langer|dan|vrij|onbeperkt)|vanaf\s+nu\s+(?:ben|moet|zal)\s+(?:je|jij|u)|doe\s+alsof\s+(?:je|jij|u))\b/g,
  },
  {
    id: "system-prompt",
    pattern:
      /\b(?:system\s*prompt|systeem\s*prompt|systeeminstructies?|system\s+message|(?:reveal|print|repeat|show|output|leak)\s+(?:me\s+)?(?:your|the)\s+(?:initial\s+|original\s+|hidden\s+)?instructions|(?:toon|herhaal|geef|lek)\s+(?:mij\s+|me\s+)?(?:je|jouw|uw|de)\s+(?:oorspronkelijke\s+|verborgen\s+)?instructies)\b/g,
  },
  {
    id: "developer-mode",
    pattern:
      /\b(?:developer\s*mode|ontwikkelaars?\s*modus|dan\s+mode|jailbreak|jailbroken|do\s+anything\s+now|god\s*mode)\b/g,
  },
  {
    id: "new-instructions",
    pattern:
      /\b(?:(?:new|updated|real|actual|additional)\s+instructions\s*:|nieuwe\s+instructies\s*:|instructions?\s+(?:for|to)\s+(?:the\s+)?(?:ai|assistant|model|llm|chatbot)\b|instructies?\s+voor\s+(?:de\s+|het\s+)?(?:ai|assistent|model|taalmodel|chatbot)\b|note\s+to\s+(?:the\s+)?(?:ai|assistant|llm|model)\b|(?:notitie|bericht)\s+voor\s+(?:de\s+|het\s+)?(?:ai|assistent|taalmodel|chatbot)\b)/g,
  },
  {
    id: "chat-template-token",
    pattern: /<\|(?:im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id)\|>|\[\/?inst\]|<<\/?sys>>/g,
  },
  {
    id: "secrecy",
    pattern:
      /\b(?:(?:do\s+not|don't|never)\s+(?:tell|inform|mention\s+(?:this|it)\s+to)\s+the\s+user|zeg\s+(?:dit\s+|het\s+)?niet\s+tegen\s+de\s+gebruiker|vertel\s+(?:dit\s+|het\s+)?(?:niet\s+aan\s+de\s+gebruiker|de\s+gebruiker\s+niet)|verzwijg\s+(?:dit\s+|het\s+)?(?:voor|tegenover)\s+de\s+gebruiker)\b/g,
  },
  {
    id: "exfiltration",
    pattern:
      /\b(?:(?:send|forward|email|post|upload)\s+(?:(?:all|the|this|your|my)\s+)*(?:conversation|chat\s+history|credentials|passwords?|api\s*keys?|secrets)\s+to|stuur\s+(?:(?:alle|het|dit|de)\s+)*(?:gesprek|chatgeschiedenis|wachtwoorden?|inloggegevens|api-?sleutels?)\s+(?:door\s+)?naar)\b/g,
  },
];

/** Words that show hidden text is addressed to a model rather than left there by an editor. */
export const ADDRESSED_TO_MODEL =
  /\b(?:ai|assistant|assistent|llm|chatgpt|gpt|claude|gemini|copilot|language\s+model|taalmodel|chatbot)\b/;
