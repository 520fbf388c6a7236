/**
 * The 12-rule check of DESIGN.md: turns what the workbench knows (the snapshot) into a status per
 * rule, the facts behind it, the next concrete step and a due date. Rules 1-3 come first because the
 * guidance tells a business to start there.
 */
import { type Catalogue, checkToolUsage, createCatalogue } from "../catalogue/index.js";
import { AP_BREACH_NOTIFICATION_URL, notificationCountdown } from "../incidents/index.js";
import type { Bilingual, CatalogueEntry, ContactRole, GovernanceSnapshot, ToolInUse } from "../model.js";
import { addDays, addMonths, daysBetween, earliest, latest, toIsoDate } from "./dates.js";

export type RuleStatus = "met" | "partly" | "not";

export interface RuleResult {
  rule: number;
  id: string;
  title: Bilingual;
  status: RuleStatus;
  /** Rules 1-3: the guidance says to start here. */
  startHere: boolean;
  evidence: Bilingual[];
  nextAction: Bilingual | null;
  /** `YYYY-MM-DD`, null when nothing is due. */
  dueDate: string | null;
}

export type ReminderTask = "privacy-settings-check" | "shadow-ai-round" | "team-training";

export interface Reminder {
  task: ReminderTask;
  dueDate: string;
  overdue: boolean;
  text: Bilingual;
}

export interface CheckResult {
  organisation: string;
  date: string;
  results: RuleResult[];
  score: { points: number; max: number; percent: number; met: number; partly: number; not: number };
  reminders: Reminder[];
}

const QUARTER_MONTHS = 3;
const POINTS: Record<RuleStatus, number> = { met: 2, partly: 1, not: 0 };

interface Context {
  snapshot: GovernanceSnapshot;
  today: string;
  tools: ToolInUse[];
  entryOf(tool: ToolInUse): CatalogueEntry | undefined;
  nameOf(tool: ToolInUse): string;
}

type RuleOutcome = Omit<RuleResult, "rule" | "id" | "title" | "startHere">;
type RuleDefinition = { id: string; title: Bilingual; evaluate(ctx: Context): RuleOutcome };

const b = (nl: string, en: string): Bilingual => ({ nl, en });
const list = (names: readonly string[]): string => names.join(", ");
const touchesPersonalData = (t: ToolInUse): boolean => t.dataCategories.some((c) => c !== "public");

/** Due date for something not in order yet: soon for the first rules, within a month otherwise. */
const soon = (ctx: Context, rule: number): string => addDays(ctx.today, rule <= 3 ? 7 : 30);

const noInventory = (ctx: Context, rule: number): RuleOutcome => ({
  status: "not",
  evidence: [b("Er staan nog geen AI-hulpmiddelen in het register.", "No AI tools have been registered yet.")],
  nextAction: b(
    "Maak de inventaris: noteer per AI-hulpmiddel wie het gebruikt, voor welke gegevens en welke versie.",
    "Build the inventory: record per AI tool who uses it, for which data and which plan.",
  ),
  dueDate: soon(ctx, rule),
});

const RULES: RuleDefinition[] = [
  {
    id: "no-customer-data-in-free-tools",
    title: b("Geen klantgegevens in gratis tools", "No customer data in free tools"),
    evaluate(ctx) {
      if (ctx.tools.length === 0) return noInventory(ctx, 1);
      const isFreeConsumer = (t: ToolInUse) => t.tierInUse === "consumer" && ctx.entryOf(t)?.freePlan === true;
      const violating = ctx.tools.filter((t) => isFreeConsumer(t) && touchesPersonalData(t));
      const freeForPublic = ctx.tools.filter((t) => isFreeConsumer(t) && !touchesPersonalData(t));
      if (violating.length > 0) {
        const names = list(violating.map(ctx.nameOf));
        return {
          status: "not",
          evidence: [
            b(`Gratis tools gebruikt voor klantgegevens: ${names}.`, `Free tools used for customer data: ${names}.`),
          ],
          nextAction: b(
            `Stop met klantgegevens in ${names}; gebruik de zakelijke versie of de gateway.`,
            `Stop putting customer data into ${names}; use the business plan or the gateway.`,
          ),
          dueDate: ctx.today,
        };
      }
      if (freeForPublic.length > 0) {
        const names = list(freeForPublic.map(ctx.nameOf));
        return {
          status: "partly",
          evidence: [
            b(
              `Geen klantgegevens in gratis tools, maar ${names} is gratis en traint mogelijk op jullie teksten.`,
              `No customer data in free tools, but ${names} is free and may train on your texts.`,
            ),
          ],
          nextAction: b(
            `Vervang ${names} door een betaalde versie met training uit.`,
            `Replace ${names} with a paid plan with training switched off.`,
          ),
          dueDate: soon(ctx, 1),
        };
      }
      return {
        status: "met",
        evidence: [b("Geen gratis tools in gebruik voor klantwerk.", "No free tools in use for customer work.")],
        nextAction: null,
        dueDate: null,
      };
    },
  },
  {
    id: "pseudonymise-before-pasting",
    title: b("Pseudonimiseer voor het plakken", "Pseudonymise before pasting"),
    evaluate(ctx) {
      const gw = ctx.snapshot.gateway;
      const evidence: Bilingual[] = [];
      if (gw?.inUse && gw.pseudonymisationEnabled && gw.requestsLast30Days > 0) {
        return {
          status: "met",
          evidence: [
            b(
              `De gateway pseudonimiseert klantgegevens; ${gw.requestsLast30Days} verzoeken in de laatste 30 dagen.`,
              `The gateway pseudonymises customer data; ${gw.requestsLast30Days} requests in the last 30 days.`,
            ),
          ],
          nextAction: null,
          dueDate: null,
        };
      }
      if (gw?.inUse && gw.pseudonymisationEnabled) {
        evidence.push(
          b(
            "Pseudonimiseren staat aan, maar er liep de laatste 30 dagen geen verkeer via de gateway.",
            "Pseudonymisation is on, but no traffic went through the gateway in the last 30 days.",
          ),
        );
      } else if (gw?.inUse) {
        evidence.push(
          b("De gateway draait, maar pseudonimiseren staat uit.", "The gateway runs, but pseudonymisation is off."),
        );
      }
      const trained = ctx.snapshot.trainings.some((t) => t.topics.includes("pseudonymisation"));
      if (ctx.snapshot.policy)
        evidence.push(
          b(
            "Het AI-beleid verbiedt het plakken van BSN, loonstroken, klantlijsten en wachtwoorden.",
            "The AI policy forbids pasting BSNs, salary slips, customer lists and passwords.",
          ),
        );
      if (trained)
        evidence.push(b("Het team is getraind in pseudonimiseren.", "The team has been trained in pseudonymisation."));
      const partly = evidence.length > 0;
      return {
        status: partly ? "partly" : "not",
        evidence: partly
          ? evidence
          : [
              b(
                "Geen gateway, beleid of training over pseudonimiseren gevonden.",
                "No gateway, policy or training on pseudonymisation found.",
              ),
            ],
        nextAction: gw?.inUse
          ? b(
              "Zet pseudonimiseren aan in de gateway en laat het team via de gateway werken.",
              "Switch on pseudonymisation in the gateway and have the team work through it.",
            )
          : b(
              "Laat het team via de Poortwachter-gateway werken, zodat namen en nummers automatisch worden vervangen.",
              "Have the team work through the Poortwachter gateway so names and numbers are replaced automatically.",
            ),
        dueDate: soon(ctx, 2),
      };
    },
  },
  {
    id: "two-factor-everywhere",
    title: b("Tweestapsverificatie op elk AI-hulpmiddel", "2FA on every AI tool"),
    evaluate(ctx) {
      if (ctx.tools.length === 0) return noInventory(ctx, 3);
      const relevant = ctx.tools.filter((t) => t.tierInUse !== "local" && ctx.entryOf(t)?.twoFactorAvailable !== "n/a");
      if (relevant.length === 0) {
        return {
          status: "met",
          evidence: [
            b(
              "Alleen lokale modellen in gebruik: geen online accounts.",
              "Only local models in use: no online accounts.",
            ),
          ],
          nextAction: null,
          dueDate: null,
        };
      }
      const missing = relevant.filter((t) => !t.twoFactorEnforced);
      if (missing.length === 0) {
        return {
          status: "met",
          evidence: [
            b(
              `2FA verplicht op alle ${relevant.length} hulpmiddelen.`,
              `2FA enforced on all ${relevant.length} tools.`,
            ),
          ],
          nextAction: null,
          dueDate: null,
        };
      }
      const names = list(missing.map(ctx.nameOf));
      const without2fa = missing.filter((t) => ctx.entryOf(t)?.twoFactorAvailable === "no").map(ctx.nameOf);
      const action = b(
        `Zet 2FA verplicht aan voor ${names}.${without2fa.length ? ` ${list(without2fa)} biedt geen 2FA: beveilig het inlogaccount (Google/Microsoft) met 2FA of kies een ander hulpmiddel.` : ""}`,
        `Enforce 2FA for ${names}.${without2fa.length ? ` ${list(without2fa)} offers no 2FA: protect the login account (Google/Microsoft) with 2FA or choose another tool.` : ""}`,
      );
      return {
        status: missing.length < relevant.length ? "partly" : "not",
        evidence: [
          b(
            `2FA verplicht op ${relevant.length - missing.length} van ${relevant.length} hulpmiddelen; niet op: ${names}.`,
            `2FA enforced on ${relevant.length - missing.length} of ${relevant.length} tools; missing on: ${names}.`,
          ),
        ],
        nextAction: action,
        dueDate: soon(ctx, 3),
      };
    },
  },
  {
    id: "dpa-with-every-processor",
    title: b("Verwerkersovereenkomst met elke AI-leverancier", "A DPA with every AI processor"),
    evaluate(ctx) {
      if (ctx.tools.length === 0) return noInventory(ctx, 4);
      const processors = ctx.tools.filter((t) => t.tierInUse !== "local" && touchesPersonalData(t));
      if (processors.length === 0) {
        return {
          status: "met",
          evidence: [b("Geen online hulpmiddel verwerkt persoonsgegevens.", "No online tool processes personal data.")],
          nextAction: null,
          dueDate: null,
        };
      }
      const missing = processors.filter((t) => !t.dpa.signed);
      const signed = processors.filter((t) => t.dpa.signed);
      const evidence = signed.map((t) =>
        b(
          `Verwerkersovereenkomst ${ctx.nameOf(t)} getekend op ${t.dpa.signedOn}${t.dpa.documentLocation ? ` (${t.dpa.documentLocation})` : ""}.`,
          `DPA for ${ctx.nameOf(t)} signed on ${t.dpa.signedOn}${t.dpa.documentLocation ? ` (${t.dpa.documentLocation})` : ""}.`,
        ),
      );
      if (missing.length === 0) return { status: "met", evidence, nextAction: null, dueDate: null };
      const names = list(missing.map(ctx.nameOf));
      const unavailable = missing.filter((t) => ctx.entryOf(t)?.dpa.available === false).map(ctx.nameOf);
      evidence.push(b(`Geen verwerkersovereenkomst voor: ${names}.`, `No DPA for: ${names}.`));
      return {
        status: signed.length > 0 ? "partly" : "not",
        evidence,
        nextAction: b(
          `Teken de verwerkersovereenkomst voor ${names} en bewaar hem bij het register.${unavailable.length ? ` ${list(unavailable)} biedt er geen: stop daar met persoonsgegevens.` : ""}`,
          `Sign the DPA for ${names} and keep it with the register.${unavailable.length ? ` ${list(unavailable)} offers none: stop using personal data there.` : ""}`,
        ),
        dueDate: soon(ctx, 4),
      };
    },
  },
  {
    id: "business-tiers-for-customer-work",
    title: b("Zakelijke versies voor klantwerk", "Business tiers for customer work"),
    evaluate(ctx) {
      if (ctx.tools.length === 0) return noInventory(ctx, 5);
      const verdicts = ctx.tools.map((t) => ({ tool: t, verdict: checkToolUsage(t, ctx.entryOf(t)) }));
      const failing = verdicts.filter((v) => !v.verdict.sufficient);
      if (failing.length === 0) {
        return {
          status: "met",
          evidence: [
            b("Elk hulpmiddel heeft een niveau dat past bij de gegevens.", "Every tool has a tier that fits its data."),
          ],
          nextAction: null,
          dueDate: null,
        };
      }
      const problems = failing.flatMap((f) => f.verdict.verdicts.flatMap((v) => v.problems));
      const consumerMisuse = failing.some((f) => f.tool.tierInUse === "consumer" && touchesPersonalData(f.tool));
      return {
        status: consumerMisuse ? "not" : "partly",
        evidence: problems,
        nextAction: b(
          `Los de niveauproblemen op voor ${list(failing.map((f) => f.verdict.name))}: ${problems[0]?.nl ?? ""}`,
          `Fix the tier problems for ${list(failing.map((f) => f.verdict.name))}: ${problems[0]?.en ?? ""}`,
        ),
        dueDate: consumerMisuse ? ctx.today : soon(ctx, 5),
      };
    },
  },
  {
    id: "quarterly-privacy-check",
    title: b("Elk kwartaal de privacy-instellingen controleren", "Check privacy settings every quarter"),
    evaluate(ctx) {
      if (ctx.tools.length === 0) return noInventory(ctx, 6);
      const online = ctx.tools.filter((t) => t.tierInUse !== "local");
      if (online.length === 0) {
        return {
          status: "met",
          evidence: [
            b("Alleen lokale modellen: geen instellingen bij leveranciers.", "Only local models: no vendor settings."),
          ],
          nextAction: null,
          dueDate: null,
        };
      }
      const due = online.map((t) => {
        const last = latest([t.lastQuarterlyCheckOn, t.training.verifiedOn]);
        return { tool: t, last, next: last ? addMonths(last, QUARTER_MONTHS) : ctx.today };
      });
      const overdue = due.filter((d) => d.next <= ctx.today);
      const never = due.filter((d) => !d.last);
      const nextDue = earliest(due.map((d) => d.next)) ?? ctx.today;
      const evidence = due.map((d) =>
        d.last
          ? b(
              `${ctx.nameOf(d.tool)}: laatst gecontroleerd ${d.last}.`,
              `${ctx.nameOf(d.tool)}: last checked ${d.last}.`,
            )
          : b(`${ctx.nameOf(d.tool)}: nooit gecontroleerd.`, `${ctx.nameOf(d.tool)}: never checked.`),
      );
      if (overdue.length === 0) {
        return {
          status: "met",
          evidence,
          nextAction: b(`Volgende kwartaalcontrole uiterlijk ${nextDue}.`, `Next quarterly check by ${nextDue}.`),
          dueDate: nextDue,
        };
      }
      const names = list(overdue.map((d) => ctx.nameOf(d.tool)));
      return {
        status: never.length === online.length ? "not" : "partly",
        evidence,
        nextAction: b(
          `Controleer nu de privacy-instellingen (training uit, 2FA, bewaartermijn) van ${names} en noteer de datum.`,
          `Check the privacy settings (training off, 2FA, retention) of ${names} now and record the date.`,
        ),
        dueDate: ctx.today,
      };
    },
  },
  {
    id: "shadow-ai-visible",
    title: b("Schaduw-AI zichtbaar maken", "Make shadow AI visible"),
    evaluate(ctx) {
      const rounds = [...ctx.snapshot.shadowAiRounds].sort((a, c) => (a.date < c.date ? 1 : -1));
      const last = rounds[0];
      if (!last) {
        return {
          status: "not",
          evidence: [b("Nog nooit een schaduw-AI-ronde gedaan.", "No shadow-AI round done yet.")],
          nextAction: b(
            "Laad een DNS-, proxy- of firewalllog (of browsergeschiedenis) op de pagina Schaduw-AI (of met 'poortwachter shadow-ai import').",
            "Upload a DNS, proxy or firewall log (or browser history) on the Shadow AI page (or with 'poortwachter shadow-ai import').",
          ),
          dueDate: soon(ctx, 7),
        };
      }
      const next = addMonths(last.date, QUARTER_MONTHS);
      const evidence = [
        b(
          `Laatste ronde ${last.date} (${last.source}): ${last.toolsFound} AI-diensten gevonden, ${last.unregisteredTools.length} niet geregistreerd.`,
          `Last round ${last.date} (${last.source}): ${last.toolsFound} AI services found, ${last.unregisteredTools.length} unregistered.`,
        ),
      ];
      if (last.unregisteredTools.length > 0) {
        const names = list(last.unregisteredTools);
        return {
          status: "partly",
          evidence,
          nextAction: b(
            `Bespreek met de gebruikers en registreer of blokkeer: ${names}.`,
            `Talk to the users, then register or block: ${names}.`,
          ),
          dueDate: soon(ctx, 7),
        };
      }
      if (next <= ctx.today) {
        return {
          status: "partly",
          evidence,
          nextAction: b("Doe de schaduw-AI-ronde van dit kwartaal.", "Do this quarter's shadow-AI round."),
          dueDate: ctx.today,
        };
      }
      return {
        status: "met",
        evidence,
        nextAction: b(`Volgende ronde uiterlijk ${next}.`, `Next round by ${next}.`),
        dueDate: next,
      };
    },
  },
  {
    id: "cost-limits-on-api-keys",
    title: b("Dag- en maandlimieten op API-sleutels", "Daily and monthly cost limits on API keys"),
    evaluate(ctx) {
      const gw = ctx.snapshot.gateway;
      if (!gw?.inUse) {
        return {
          status: "not",
          evidence: [b("Geen gegevens over API-sleutels of budgetten.", "No data about API keys or budgets.")],
          nextAction: b(
            "Laat API-sleutels via de gateway lopen en stel per sleutel een dag- en maandlimiet in.",
            "Route API keys through the gateway and set a daily and monthly limit per key.",
          ),
          dueDate: soon(ctx, 8),
        };
      }
      if (gw.keys.length === 0) {
        return {
          status: "partly",
          evidence: [
            b(
              "De gateway draait, maar er zijn geen persoonlijke sleutels.",
              "The gateway runs, but there are no personal keys.",
            ),
          ],
          nextAction: b(
            "Maak persoonlijke sleutels aan met een dag- en maandlimiet.",
            "Create personal keys with a daily and monthly limit.",
          ),
          dueDate: soon(ctx, 8),
        };
      }
      const complete = gw.keys.filter((k) => k.dailyBudget !== undefined && k.monthlyBudget !== undefined);
      const evidence = [
        b(
          `${complete.length} van ${gw.keys.length} sleutels hebben een dag- én maandlimiet.`,
          `${complete.length} of ${gw.keys.length} keys have both a daily and a monthly limit.`,
        ),
      ];
      if (complete.length === gw.keys.length) return { status: "met", evidence, nextAction: null, dueDate: null };
      const missing = list(gw.keys.filter((k) => !complete.includes(k)).map((k) => k.owner ?? k.id));
      return {
        status: complete.length > 0 ? "partly" : "not",
        evidence,
        nextAction: b(
          `Stel dag- en maandlimieten in voor: ${missing}.`,
          `Set daily and monthly limits for: ${missing}.`,
        ),
        dueDate: soon(ctx, 8),
      };
    },
  },
  {
    id: "tell-customers-about-ai",
    title: b("Vertel klanten wanneer ze met AI praten", "Tell customers when they talk to an AI"),
    evaluate(ctx) {
      const active = ctx.snapshot.register.filter((e) => e.status !== "retired");
      const facing = active.filter((e) => e.interactsWithPeople || e.generatesContent);
      if (active.length === 0) {
        return {
          status: "partly",
          evidence: [b("Het AI-register is leeg.", "The AI register is empty.")],
          nextAction: b(
            "Leg in het AI-register vast of jullie AI inzetten richting klanten (chatbot, mailafhandeling, gegenereerde teksten).",
            "Record in the AI register whether you use AI towards customers (chatbot, mail handling, generated content).",
          ),
          dueDate: soon(ctx, 9),
        };
      }
      if (facing.length === 0) {
        return {
          status: "met",
          evidence: [b("Geen AI-systemen die met klanten praten.", "No AI systems that talk with customers.")],
          nextAction: null,
          dueDate: null,
        };
      }
      const missing = facing.filter((e) => !e.disclosureInPlace);
      const evidence = facing.map((e) =>
        e.disclosureInPlace
          ? b(`${e.system}: AI-melding staat erin.`, `${e.system}: AI disclosure in place.`)
          : b(`${e.system}: geen AI-melding.`, `${e.system}: no AI disclosure.`),
      );
      if (missing.length === 0) return { status: "met", evidence, nextAction: null, dueDate: null };
      const names = list(missing.map((e) => e.system));
      return {
        status: missing.length < facing.length ? "partly" : "not",
        evidence,
        nextAction: b(
          `Zet de AI-melding (art. 50 AI-verordening, verplicht vanaf 2 augustus 2026) in ${names}; Poortwachter levert de tekst.`,
          `Add the AI disclosure (AI Act art. 50, required from 2 August 2026) to ${names}; Poortwachter provides the text.`,
        ),
        dueDate: ctx.today >= "2026-08-02" ? ctx.today : "2026-08-02",
      };
    },
  },
  {
    id: "know-whom-to-call",
    title: b("Weet wie je belt bij een datalek (72 uur)", "Know whom to call when data leaks (72 hours)"),
    evaluate(ctx) {
      const roles = new Set<ContactRole>(ctx.snapshot.contacts.map((c) => c.role));
      const needed: { role: ContactRole; label: Bilingual }[] = [
        { role: "privacy-contact", label: b("privacycontactpersoon", "privacy contact") },
        { role: "it-supplier", label: b("IT-leverancier", "IT supplier") },
        { role: "legal-adviser", label: b("juridisch adviseur", "legal adviser") },
        { role: "ai-vendor-support", label: b("support van de AI-leverancier", "AI vendor support") },
      ];
      const missing = needed.filter((n) => !roles.has(n.role));
      const evidence: Bilingual[] = [
        b(
          `Contactlijst: ${needed.length - missing.length} van ${needed.length} rollen ingevuld.`,
          `Contact sheet: ${needed.length - missing.length} of ${needed.length} roles filled in.`,
        ),
      ];
      const now = new Date(`${ctx.today}T12:00:00Z`);
      const overdue = ctx.snapshot.incidents.filter((i) => notificationCountdown(i, now).overdue);
      for (const i of overdue) {
        evidence.push(
          b(
            `Incident '${i.title}': meldtermijn verstreken zonder melding of besluit.`,
            `Incident '${i.title}': deadline passed without notification or decision.`,
          ),
        );
      }
      if (missing.length === 0 && overdue.length === 0) {
        return { status: "met", evidence, nextAction: null, dueDate: null };
      }
      const action =
        overdue.length > 0
          ? b(
              `Meld het datalek nu bij de Autoriteit Persoonsgegevens via het online Meldformulier datalekken (${AP_BREACH_NOTIFICATION_URL}), of leg het besluit niet te melden met motivering vast.`,
              `Notify the breach to the Autoriteit Persoonsgegevens now through its online form (${AP_BREACH_NOTIFICATION_URL}), or record the decision not to notify with reasoning.`,
            )
          : b(
              `Vul de contactlijst aan: ${list(missing.map((m) => m.label.nl))}.`,
              `Complete the contact sheet: ${list(missing.map((m) => m.label.en))}.`,
            );
      return {
        status: overdue.length > 0 || missing.length === needed.length ? "not" : "partly",
        evidence,
        nextAction: action,
        dueDate: overdue.length > 0 ? ctx.today : soon(ctx, 10),
      };
    },
  },
  {
    id: "call-back-on-known-number",
    title: b("Bel terug op een bekend nummer", "Call back on a known number"),
    evaluate(ctx) {
      const exercises = ctx.snapshot.trainings.filter((t) => t.callBackExercise || t.phishingExercise);
      const lastCallBack = latest(ctx.snapshot.trainings.filter((t) => t.callBackExercise).map((t) => t.date));
      const lastAny = latest(exercises.map((t) => t.date));
      const knownNumbers = ctx.snapshot.contacts.filter((c) => c.phone).length;
      const evidence: Bilingual[] = [
        b(
          `${knownNumbers} bekende telefoonnummers op de contactlijst.`,
          `${knownNumbers} known phone numbers on the contact sheet.`,
        ),
      ];
      if (lastCallBack && daysBetween(lastCallBack, ctx.today) <= 183) {
        evidence.push(b(`Terugbeloefening op ${lastCallBack}.`, `Call-back exercise on ${lastCallBack}.`));
        const next = addMonths(lastCallBack, 6);
        return {
          status: knownNumbers > 0 ? "met" : "partly",
          evidence,
          nextAction:
            knownNumbers > 0
              ? b(`Volgende oefening uiterlijk ${next}.`, `Next exercise by ${next}.`)
              : b(
                  "Zet de bekende nummers van leveranciers op de contactlijst.",
                  "Put suppliers' known numbers on the contact sheet.",
                ),
          dueDate: knownNumbers > 0 ? next : soon(ctx, 11),
        };
      }
      if (lastAny && daysBetween(lastAny, ctx.today) <= 365) {
        evidence.push(
          b(`Laatste phishing-/terugbeloefening op ${lastAny}.`, `Last phishing/call-back exercise on ${lastAny}.`),
        );
        return {
          status: "partly",
          evidence,
          nextAction: b(
            "Oefen het terugbellen op een bekend nummer bij een verzoek om geld of gegevens (ook bij een 'bekende' stem: stemklonen bestaat).",
            "Practise calling back on a known number when asked for money or data (even for a familiar voice: voice cloning exists).",
          ),
          dueDate: soon(ctx, 11),
        };
      }
      evidence.push(
        b(
          "Geen phishing- of terugbeloefening in het afgelopen jaar.",
          "No phishing or call-back exercise in the past year.",
        ),
      );
      return {
        status: "not",
        evidence,
        nextAction: b(
          "Spreek af: verzoeken om geld, wachtwoorden of gegevens altijd terugbellen op een bekend nummer, en oefen dat in de volgende training.",
          "Agree: always call back on a known number for requests for money, passwords or data, and practise it in the next training.",
        ),
        dueDate: soon(ctx, 11),
      };
    },
  },
  {
    id: "train-every-quarter",
    title: b("Train het team elk kwartaal", "Train the team every quarter"),
    evaluate(ctx) {
      const sessions = ctx.snapshot.trainings;
      const last = latest(sessions.map((t) => t.date));
      if (!last) {
        return {
          status: "not",
          evidence: [b("Nog geen training vastgelegd.", "No training recorded yet.")],
          nextAction: b(
            "Plan een eerste training AI-geletterdheid (art. 4 AI-verordening, geldt sinds 2 februari 2025) en leg deelnemers vast.",
            "Plan a first AI literacy training (AI Act art. 4, applies since 2 February 2025) and record the attendees.",
          ),
          dueDate: soon(ctx, 12),
        };
      }
      const next = addMonths(last, QUARTER_MONTHS);
      const yearAgo = addDays(ctx.today, -365);
      const recent = sessions.filter((t) => t.date > yearAgo);
      const literacy = recent.some((t) => t.topics.includes("ai-literacy"));
      const attendees = new Set(recent.flatMap((t) => t.attendees.map((a) => a.toLowerCase())));
      const employees = ctx.snapshot.organisation.employees;
      const evidence: Bilingual[] = [
        b(`Laatste training op ${last}.`, `Last training on ${last}.`),
        literacy
          ? b(
              "AI-geletterdheid (art. 4) behandeld in het afgelopen jaar.",
              "AI literacy (art. 4) covered in the past year.",
            )
          : b(
              "AI-geletterdheid (art. 4) niet behandeld in het afgelopen jaar.",
              "AI literacy (art. 4) not covered in the past year.",
            ),
      ];
      if (employees) {
        evidence.push(
          b(
            `${attendees.size} van ${employees} medewerkers getraind in het afgelopen jaar.`,
            `${attendees.size} of ${employees} employees trained in the past year.`,
          ),
        );
      }
      const coverageOk = !employees || attendees.size >= employees;
      if (next > ctx.today && literacy && coverageOk) {
        return {
          status: "met",
          evidence,
          nextAction: b(`Volgende training uiterlijk ${next}.`, `Next training by ${next}.`),
          dueDate: next,
        };
      }
      const steps: Bilingual[] = [];
      if (next <= ctx.today) steps.push(b("plan de training van dit kwartaal", "plan this quarter's training"));
      if (!literacy) steps.push(b("neem AI-geletterdheid (art. 4) op", "include AI literacy (art. 4)"));
      if (!coverageOk) steps.push(b("train ook wie nog niet meedeed", "also train those who have not attended"));
      const sentence = (lang: "nl" | "en") => {
        const text = steps.map((s) => s[lang]).join(lang === "nl" ? "; " : "; ");
        return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
      };
      return {
        status: "partly",
        evidence,
        nextAction: { nl: sentence("nl"), en: sentence("en") },
        dueDate: latest([next, ctx.today]) ?? next,
      };
    },
  },
];

function remindersFor(ctx: Context): Reminder[] {
  const reminders: Reminder[] = [];
  const push = (task: ReminderTask, dueDate: string, text: Bilingual) =>
    reminders.push({ task, dueDate, overdue: dueDate < ctx.today, text });
  for (const tool of ctx.tools.filter((t) => t.tierInUse !== "local")) {
    const last = latest([tool.lastQuarterlyCheckOn, tool.training.verifiedOn]);
    push(
      "privacy-settings-check",
      last ? addMonths(last, QUARTER_MONTHS) : ctx.today,
      b(`Privacy-instellingen controleren: ${ctx.nameOf(tool)}`, `Check privacy settings: ${ctx.nameOf(tool)}`),
    );
  }
  const lastRound = latest(ctx.snapshot.shadowAiRounds.map((r) => r.date));
  push(
    "shadow-ai-round",
    lastRound ? addMonths(lastRound, QUARTER_MONTHS) : ctx.today,
    b("Schaduw-AI-ronde: logs importeren en bespreken", "Shadow-AI round: import logs and discuss"),
  );
  const lastTraining = latest(ctx.snapshot.trainings.map((t) => t.date));
  push(
    "team-training",
    lastTraining ? addMonths(lastTraining, QUARTER_MONTHS) : ctx.today,
    b(
      "Kwartaaltraining van het team (AI-geletterdheid, phishing, terugbellen)",
      "Quarterly team training (AI literacy, phishing, call-back)",
    ),
  );
  return reminders.sort((a, c) => (a.dueDate < c.dueDate ? -1 : a.dueDate > c.dueDate ? 1 : 0));
}

/** Evaluates the twelve rules against the snapshot; `now` fixes "today" so results are reproducible. */
export function evaluateRules(snapshot: GovernanceSnapshot, now: Date, catalogue?: Catalogue): CheckResult {
  const cat = catalogue ?? createCatalogue(snapshot.customCatalogue);
  const entryOf = (t: ToolInUse): CatalogueEntry | undefined =>
    t.catalogueEntryId ? cat.byId(t.catalogueEntryId) : undefined;
  const nameOf = (t: ToolInUse): string => {
    const entry = entryOf(t);
    return entry ? `${entry.product} ${entry.plan}` : (t.customTool?.name ?? t.id);
  };
  const ctx: Context = {
    snapshot,
    today: toIsoDate(now),
    tools: snapshot.tools.filter((t) => t.approval.status !== "rejected"),
    entryOf,
    nameOf,
  };
  const results = RULES.map((rule, i): RuleResult => {
    const outcome = rule.evaluate(ctx);
    return { rule: i + 1, id: rule.id, title: rule.title, startHere: i < 3, ...outcome };
  });
  const points = results.reduce((sum, r) => sum + POINTS[r.status], 0);
  const max = results.length * POINTS.met;
  const count = (s: RuleStatus) => results.filter((r) => r.status === s).length;
  return {
    organisation: snapshot.organisation.name,
    date: ctx.today,
    results,
    score: {
      points,
      max,
      percent: Math.round((points / max) * 100),
      met: count("met"),
      partly: count("partly"),
      not: count("not"),
    },
    reminders: remindersFor(ctx),
  };
}
