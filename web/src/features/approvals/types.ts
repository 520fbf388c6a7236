export type ApprovalStatus = "pending" | "approved" | "denied";

/** A request the policy held for a person's approval, as /api/app/approvals returns it (no prompt text). */
export interface Approval {
  id: string;
  status: ApprovalStatus;
  user: string;
  team: string | null;
  endpoint: string;
  model: string;
  tools: string[];
  classification: "public" | "customer" | "sensitive" | "special";
  entityCounts: Record<string, number>;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
  expiresAt: string | null;
  uses: number;
}

export interface ApprovalList {
  approvals: Approval[];
  windowMinutes: number;
}
