/** Plain-text rendering of the 12-rule check for `poortwachter check`: no colours, readable in any terminal. */
import type { Lang } from "../model.js";
import type { CheckResult, RuleResult, RuleStatus } from "./evaluate.js";

const MARK: Record<RuleStatus, string> = { met: "[x]", partly: "[~]", not: "[ ]" };

const WORDS = {
  nl: {
    heading: (org: string, date: string) => `AI-check voor ${org} (${date})`,
    score: (p: number, max: number, pct: number) => `Score: ${p} van ${max} punten (${pct}%)`,
    counts: (m: number, pa: number, n: number) => `${m} voldaan, ${pa} deels, ${n} niet`,
    status: { met: "voldaan", partly: "deels", not: "niet" } as Record<RuleStatus, string>,
    startHere: "Begin hier (regels 1-3, zoals de richtlijn adviseert)",
    others: "Overige regels",
    evidence: "Bewijs",
    next: "Volgende stap",
    due: "uiterlijk",
    reminders: "Herinneringen (kwartaaltaken)",
    overdue: "TE LAAT",
    legend: "[x] voldaan   [~] deels   [ ] niet",
  },
  en: {
    heading: (org: string, date: string) => `AI check for ${org} (${date})`,
    score: (p: number, max: number, pct: number) => `Score: ${p} of ${max} points (${pct}%)`,
    counts: (m: number, pa: number, n: number) => `${m} met, ${pa} partly, ${n} not`,
    status: { met: "met", partly: "partly", not: "not met" } as Record<RuleStatus, string>,
    startHere: "Start here (rules 1-3, as the guidance advises)",
    others: "Other rules",
    evidence: "Evidence",
    next: "Next step",
    due: "due",
    reminders: "Reminders (quarterly tasks)",
    overdue: "OVERDUE",
    legend: "[x] met   [~] partly   [ ] not met",
  },
} as const;

const WIDTH = 88;

/** Wraps at word boundaries with a hanging indent, so long Dutch sentences stay readable. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > WIDTH && line.trim().length > 0) {
      lines.push(line);
      line = `${indent}  ${word}`;
    } else {
      line = line.trim().length === 0 ? `${line}${word}` : `${line} ${word}`;
    }
  }
  if (line.trim().length > 0) lines.push(line);
  return lines;
}

function renderRule(r: RuleResult, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = [`${MARK[r.status]} ${String(r.rule).padStart(2)}. ${r.title[lang]} — ${w.status[r.status]}`];
  for (const e of r.evidence) lines.push(...wrap(`${w.evidence}: ${e[lang]}`, "       "));
  if (r.nextAction) {
    const due = r.dueDate ? ` (${w.due} ${r.dueDate})` : "";
    lines.push(...wrap(`${w.next}: ${r.nextAction[lang]}${due}`, "       "));
  }
  return lines;
}

export function formatCheckReport(result: CheckResult, lang: Lang = "nl"): string {
  const w = WORDS[lang];
  const { score } = result;
  const out: string[] = [
    w.heading(result.organisation, result.date),
    `${w.score(score.points, score.max, score.percent)} — ${w.counts(score.met, score.partly, score.not)}`,
    w.legend,
    "",
    w.startHere,
  ];
  for (const r of result.results.filter((x) => x.startHere)) out.push(...renderRule(r, lang), "");
  out.push(w.others);
  for (const r of result.results.filter((x) => !x.startHere)) out.push(...renderRule(r, lang), "");
  if (result.reminders.length > 0) {
    out.push(w.reminders);
    for (const rem of result.reminders) {
      out.push(...wrap(`- ${rem.dueDate}  ${rem.text[lang]}${rem.overdue ? ` (${w.overdue})` : ""}`, "  "));
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
