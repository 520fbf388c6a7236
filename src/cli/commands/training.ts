import type { Command } from "commander";
import { withGovernance } from "../../server/index.js";
import { parseList, type StoreFlags, withDataDir } from "./governance-options.js";

interface AddFlags extends StoreFlags {
  date: string;
  title: string;
  topics: string;
  attendees: string;
  trainer?: string;
  phishing?: boolean;
  callBack?: boolean;
  materials?: string;
}

export function registerTraining(program: Command): void {
  const training = program.command("training").description("Training log (AI literacy, art. 4 AI Act; rule 11 and 12)");

  withDataDir(
    training
      .command("add")
      .description("Log a training session")
      .requiredOption("--date <date>", "YYYY-MM-DD")
      .requiredOption("--title <text>", "title")
      .requiredOption(
        "--topics <list>",
        "ai-literacy, privacy-settings, pseudonymisation, ai-policy, phishing, call-back, incident-response, other",
      )
      .requiredOption("--attendees <names>", "comma-separated")
      .option("--trainer <name>", "who gave it")
      .option("--phishing", "a phishing exercise was part of it")
      .option("--call-back", "calling back on a known number was practised")
      .option("--materials <where>", "where the materials are"),
  ).action(async (f: AddFlags) => {
    const input = {
      date: f.date,
      title: f.title,
      topics: parseList(f.topics),
      attendees: parseList(f.attendees),
      ...(f.trainer ? { trainer: f.trainer } : {}),
      phishingExercise: f.phishing === true,
      callBackExercise: f.callBack === true,
      ...(f.materials ? { materialsLocation: f.materials } : {}),
    };
    const session = await withGovernance(f, (service) => service.trainings.add(input));
    process.stdout.write(`Vastgelegd: ${session.id} (${session.date}, ${session.attendees.length} deelnemers)\n`);
  });

  withDataDir(training.command("list").description("List training sessions, newest first")).action(
    async (f: StoreFlags) => {
      const sessions = await withGovernance(f, (service) => service.trainings.list());
      if (sessions.length === 0) process.stdout.write("Er zijn nog geen trainingen vastgelegd.\n");
      for (const s of sessions) {
        process.stdout.write(`${s.date} ${s.title} — ${s.topics.join(", ")}; ${s.attendees.length} deelnemers\n`);
      }
    },
  );
}
