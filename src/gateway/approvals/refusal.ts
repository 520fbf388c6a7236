import type { Message } from "../../policy/index.js";
import { Refusal } from "../pipeline/client-errors.js";
import { APPROVAL_HEADER, type ApprovalCheck } from "./service.js";

/** A request held for a person's approval: 403 in the client's protocol, with the approval id to retry with. */
export class ApprovalRefusal extends Refusal {
  constructor(
    text: Message,
    readonly code: "approval_required" | "approval_pending" | "approval_denied",
    readonly approvalId: string,
  ) {
    super(403, text, { type: "permission_error", code }, "permission_error");
  }
}

const PREVIOUS: Record<"expired" | "other-request" | "unknown", Message> = {
  expired: { nl: "De goedkeuring die je meestuurde is verlopen. ", en: "The approval you sent has expired. " },
  "other-request": {
    nl: "De goedkeuring die je meestuurde hoort bij een ander gesprek, model of andere tools. ",
    en: "The approval you sent belongs to another conversation, model or set of tools. ",
  },
  unknown: {
    nl: "De goedkeuring die je meestuurde is onbekend. ",
    en: "The approval you sent is not known. ",
  },
};

/** The refusal for a check that did not grant the request. */
export function approvalRefusal(check: Exclude<ApprovalCheck, { outcome: "granted" }>): ApprovalRefusal {
  const id = check.approval.id;
  const retry = {
    nl: `Stuur daarna hetzelfde verzoek opnieuw met de header '${APPROVAL_HEADER}: ${id}'.`,
    en: `Then send the same request again with the header '${APPROVAL_HEADER}: ${id}'.`,
  };
  const how = {
    nl: `Een beheerder kan het goedkeuren op de pagina Goedkeuringen of met 'poortwachter approvals approve ${id}'.`,
    en: `An administrator can approve it on the Approvals page or with 'poortwachter approvals approve ${id}'.`,
  };
  if (check.outcome === "pending") {
    return new ApprovalRefusal(
      {
        nl: `Goedkeuring ${id} is nog niet gegeven. ${how.nl} ${retry.nl}`,
        en: `Approval ${id} has not been given yet. ${how.en} ${retry.en}`,
      },
      "approval_pending",
      id,
    );
  }
  if (check.outcome === "denied") {
    return new ApprovalRefusal(
      {
        nl: `Goedkeuring ${id} is afgewezen door een beheerder. Stuur het verzoek zonder tools of zonder klantgegevens, of overleg met de beheerder.`,
        en: `Approval ${id} was denied by an administrator. Send the request without tools or without customer data, or talk to your administrator.`,
      },
      "approval_denied",
      id,
    );
  }
  const before = check.outcome === "required" && check.previous ? PREVIOUS[check.previous] : { nl: "", en: "" };
  return new ApprovalRefusal(
    {
      nl: `${before.nl}Dit verzoek laat het AI-model tools gebruiken terwijl er klantgegevens in staan; volgens het AI-beleid moet een beheerder dat eerst goedkeuren. Goedkeuring aangevraagd: ${id}. ${how.nl} ${retry.nl}`,
      en: `${before.en}This request lets the AI model call tools while it contains customer data; the AI policy requires an administrator's approval first. Approval requested: ${id}. ${how.en} ${retry.en}`,
    },
    "approval_required",
    id,
  );
}
