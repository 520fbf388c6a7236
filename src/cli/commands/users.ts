import type { Command } from "commander";
import { type AccountingFlags, table, withAccountingOptions, withIdentity } from "./keys.js";

interface UserFlags extends AccountingFlags {
  team?: string;
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("Gateway users (budgets and audit per user)");

  withAccountingOptions(
    users
      .command("add")
      .description("Add a user")
      .argument("<name>", "user name")
      .option("--team <team>", "the user's team"),
  ).action(async (name: string, flags: UserFlags) => {
    const user = await withIdentity(flags, (service) => service.addUser(name, flags.team));
    process.stdout.write(`Gebruiker ${user.name} toegevoegd${user.team ? ` aan team ${user.team}` : ""}.\n`);
  });

  withAccountingOptions(
    users
      .command("set-team")
      .description("Move a user to a team (new keys count against it; existing keys keep theirs)")
      .argument("<name>", "user name")
      .argument("<team>", "team name, or - for none"),
  ).action(async (name: string, team: string, flags: AccountingFlags) => {
    const user = await withIdentity(flags, (service) => service.setUserTeam(name, team === "-" ? null : team));
    process.stdout.write(`Gebruiker ${user.name}: team ${user.team ?? "(geen)"}.\n`);
  });

  withAccountingOptions(
    users
      .command("list")
      .description("List users")
      .option("--team <team>", "only this team")
      .option("--json", "print JSON"),
  ).action(async (flags: UserFlags) => {
    const list = await withIdentity(flags, (service) => service.listUsers(flags.team));
    if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else if (list.length === 0) process.stdout.write("Geen gebruikers.\n");
    else
      process.stdout.write(
        table(
          ["GEBRUIKER", "TEAM", "SINDS"],
          list.map((u) => [u.name, u.team ?? "-", u.createdAt.slice(0, 10)]),
        ),
      );
  });
}

export function registerTeams(program: Command): void {
  const teams = program.command("teams").description("Teams (budgets and policy per team)");

  withAccountingOptions(teams.command("add").description("Add a team").argument("<name>", "team name")).action(
    async (name: string, flags: AccountingFlags) => {
      const team = await withIdentity(flags, (service) => service.addTeam(name));
      process.stdout.write(`Team ${team.name} toegevoegd.\n`);
    },
  );

  withAccountingOptions(teams.command("list").description("List teams").option("--json", "print JSON")).action(
    async (flags: AccountingFlags) => {
      const list = await withIdentity(flags, (service) => service.listTeams());
      if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) process.stdout.write("Geen teams.\n");
      else
        process.stdout.write(
          table(
            ["TEAM", "SINDS"],
            list.map((t) => [t.name, t.createdAt.slice(0, 10)]),
          ),
        );
    },
  );
}
