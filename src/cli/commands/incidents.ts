import type { Command } from "commander";
import { withGovernance } from "../../server/index.js";
import { parseList, type StoreFlags, withDataDir } from "./governance-options.js";

interface AddFlags extends StoreFlags {
  title: string;
  kind: string;
  discovered?: string;
  facts: string;
  effects?: string;
  measures?: string;
  subjects?: string;
  records?: string;
  handledBy?: string;
}

export function registerIncidents(program: Command): void {
  const incidents = program.command("incidents").description("Data breaches and AI incidents (GDPR art. 33(5))");

  withDataDir(
    incidents
      .command("add")
      .description("Record an incident; the 72-hour clock starts at discovery")
      .requiredOption("--title <text>", "short title")
      .option("--kind <kind>", "data-breach or ai-incident", "data-breach")
      .option("--discovered <time>", "discovery time with offset, e.g. 2026-11-03T09:30:00+01:00 (default now)")
      .requiredOption("--facts <text>", "what happened")
      .option("--effects <text>", "the consequences")
      .option("--measures <text>", "measures taken")
      .option("--subjects <list>", "categories of people affected, comma-separated")
      .option("--records <list>", "categories of data affected, comma-separated")
      .option("--handled-by <name>", "who handles it"),
  ).action(async (f: AddFlags) => {
    const input = {
      title: f.title,
      kind: f.kind,
      discoveredAt: f.discovered ?? new Date().toISOString(),
      facts: f.facts,
      ...(f.effects ? { effects: f.effects } : {}),
      ...(f.measures ? { measures: f.measures } : {}),
      dataSubjectCategories: parseList(f.subjects),
      recordCategories: parseList(f.records),
      ...(f.handledBy ? { handledBy: f.handledBy } : {}),
    };
    const view = await withGovernance(f, async (service) =>
      service.viewIncident((await service.incidents.add(input)).id),
    );
    process.stdout.write(
      `Vastgelegd: ${view.incident.id}\n${view.countdown.label.nl} (uiterlijk ${view.countdown.deadline})\n`,
    );
  });

  withDataDir(incidents.command("list").description("List incidents with the notification countdown")).action(
    async (f: StoreFlags) => {
      const views = await withGovernance(f, (service) => service.listIncidents());
      if (views.length === 0) process.stdout.write("Er zijn geen incidenten vastgelegd.\n");
      for (const { incident, countdown } of views) {
        const mark = countdown.overdue ? "!!" : countdown.running ? "! " : "  ";
        process.stdout.write(
          `${mark} ${incident.id}: ${incident.title} (${incident.kind}, ${incident.status}) — ${countdown.label.nl}\n`,
        );
      }
    },
  );
}
