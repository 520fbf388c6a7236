import type { Command } from "commander";
import { withGovernance } from "../../server/index.js";
import type { StoreFlags } from "./governance-options.js";
import { withDataDir } from "./governance-options.js";

interface AddFlags extends StoreFlags {
  role: string;
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
  url?: string;
  notes?: string;
}

/** The contact sheet of rule 10 (whom to call when data leaks) and the organisation's name. */
export function registerContacts(program: Command): void {
  const contacts = program.command("contacts").description("Whom to call when data leaks (rule 10)");
  withDataDir(
    contacts
      .command("add")
      .description("Add a contact")
      .requiredOption(
        "--role <role>",
        "privacy-contact, it-supplier, legal-adviser, ai-vendor-support, data-protection-authority or other",
      )
      .requiredOption("--name <name>", "name")
      .option("--organisation <name>", "organisation")
      .option("--phone <number>", "phone number")
      .option("--email <address>", "e-mail address")
      .option("--url <url>", "website")
      .option("--notes <text>", "notes"),
  ).action(async (f: AddFlags) => {
    const input = Object.fromEntries(
      Object.entries({
        role: f.role,
        name: f.name,
        organisation: f.organisation,
        phone: f.phone,
        email: f.email,
        url: f.url,
        notes: f.notes,
      }).filter(([, v]) => v !== undefined),
    );
    const contact = await withGovernance(f, (service) => service.contacts.add(input));
    process.stdout.write(`Toegevoegd: ${contact.id} (${contact.role})\n`);
  });
  withDataDir(contacts.command("list").description("List the contacts")).action(async (f: StoreFlags) => {
    const list = await withGovernance(f, (service) => service.contacts.list());
    if (list.length === 0) process.stdout.write("Er zijn nog geen contactpersonen vastgelegd.\n");
    for (const c of list) {
      const reach = [c.phone, c.email, c.url].filter(Boolean).join(", ");
      process.stdout.write(
        `${c.role.padEnd(26)} ${c.name}${c.organisation ? ` (${c.organisation})` : ""} — ${reach}\n`,
      );
    }
  });

  withDataDir(
    program
      .command("organisation")
      .description("Set the organisation's name (and size) used in the check and the texts")
      .requiredOption("--name <name>", "organisation name")
      .option("--employees <n>", "number of employees"),
  ).action(async (f: StoreFlags & { name: string; employees?: string }) => {
    const input = { name: f.name, ...(f.employees ? { employees: Number(f.employees) } : {}) };
    const organisation = await withGovernance(f, (service) => service.setOrganisation(input));
    process.stdout.write(`Organisatie: ${organisation.name}\n`);
  });
}
