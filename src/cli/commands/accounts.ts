import type { Command } from "commander";
import { AccountService, publicAccount } from "../../accounts/index.js";
import { type AccountingFlags, table, withAccountingOptions, withAccountingStore } from "./keys.js";

interface ResetFlags extends AccountingFlags {
  "2fa"?: boolean;
  password?: boolean;
}

function service(store: Parameters<Parameters<typeof withAccountingStore>[1]>[0]): AccountService {
  return new AccountService({
    store,
    clock: Date.now,
    // Listing and resetting never open a TOTP secret.
    secretBox: () => {
      throw new Error("not needed on the command line");
    },
  });
}

/** Web app accounts from the server's console: list them, and let a locked-out owner back in. */
export function registerAccounts(program: Command): void {
  const accounts = program.command("accounts").description("Web app accounts (login, roles, 2FA)");

  withAccountingOptions(accounts.command("list").description("List accounts").option("--json", "print JSON")).action(
    async (flags: AccountingFlags) => {
      const list = await withAccountingStore(flags, async (store) =>
        (await service(store).listAccounts()).map(publicAccount),
      );
      if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0)
        process.stdout.write("Nog geen accounts: open de webapp om de eigenaar aan te maken.\n");
      else
        process.stdout.write(
          table(
            ["ACCOUNT", "NAAM", "ROL", "TEAM", "2FA", "STATUS"],
            list.map((a) => [
              a.name,
              a.displayName,
              a.role,
              a.team ?? "-",
              a.totpEnabled ? "aan" : "uit",
              a.disabled ? "uitgeschakeld" : "actief",
            ]),
          ),
        );
    },
  );

  withAccountingOptions(
    accounts
      .command("reset")
      .description(
        "Let someone back in: --2fa turns off two-step verification (they enrol again at login), --password sets a one-time password (printed once)",
      )
      .argument("<name>", "account name")
      .option("--2fa", "turn off two-step verification")
      .option("--password", "set a one-time password and print it once"),
  ).action(async (name: string, flags: ResetFlags) => {
    const what = { totp: flags["2fa"] === true, password: flags.password === true };
    if (!what.totp && !what.password) {
      throw new Error("geef --2fa en/of --password op (give --2fa and/or --password)");
    }
    const result = await withAccountingStore(flags, (store) => service(store).resetFromConsole(name, what));
    if (what.totp)
      process.stdout.write(
        `Tweestapsverificatie van ${result.account.name} staat uit; bij de volgende login opnieuw koppelen.\n`,
      );
    if (result.oneTimePassword) {
      process.stdout.write(
        `Eenmalig wachtwoord voor ${result.account.name} (wordt maar één keer getoond):\n${result.oneTimePassword}\n`,
      );
    }
  });
}
