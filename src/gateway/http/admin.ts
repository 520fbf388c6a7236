/**
 * Admin API for the gateway, behind the admin token: personal keys, users, teams, the audit
 * export and approvals of held requests. Mounted at /api/gateway. Errors are `{ error: { code, message } }` with Dutch messages.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { DuplicateIdError, RecordNotFoundError } from "../../store/errors.js";
import type { AuditLog } from "../accounting/accounting.js";
import { parseDuration } from "../accounting/api-keys.js";
import type { IdentityService } from "../accounting/identity.js";
import { ApprovalAlreadyDecidedError, ApprovalNotFoundError, type ApprovalService } from "../approvals/index.js";

export interface GatewayAdminOptions {
  identity: IdentityService;
  auditLog: AuditLog;
  /** Approvals of requests held by the policy (`toolCalls: require-approval`). */
  approvals?: ApprovalService | undefined;
  verifyToken(token: string): Promise<boolean>;
}

const name = z.string().min(1).max(64);
const createKeySchema = z.strictObject({
  user: name,
  team: name.optional(),
  /** `90d`, `12h`, `4w`, `1y`. */
  expiresIn: z.string().optional(),
  label: z.string().max(100).optional(),
});
const createUserSchema = z.strictObject({ name, team: name.optional() });
const createTeamSchema = z.strictObject({ name });
const approvalListSchema = z.object({
  status: z.enum(["pending", "approved", "denied", "all"]).default("pending"),
  limit: z.coerce.number().int().positive().max(1000).optional(),
});
const decisionSchema = z.strictObject({
  /** Who decides, for the record; defaults to `admin-token`. */
  by: name.optional(),
  note: z.string().max(500).optional(),
});
const setTeamSchema = z.strictObject({ team: name.nullable() });
const auditQuerySchema = z.object({
  format: z.enum(["json", "csv"]).default("json"),
  from: z.string().optional(),
  to: z.string().optional(),
  user: z.string().optional(),
  team: z.string().optional(),
  decision: z.enum(["forward", "reroute", "block"]).optional(),
  limit: z.coerce.number().int().positive().max(100_000).optional(),
  offset: z.coerce.number().int().nonnegative().optional(),
});

function problem(c: Context, status: 400 | 401 | 404 | 409 | 503, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

async function jsonBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, message: "De body is geen geldige JSON." };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "ongeldig"}` };
}

function parseBody<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: "De body is geen geldige JSON." };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "ongeldig"}` };
}

const STATUS_NL = { pending: "wacht nog", approved: "goedgekeurd", denied: "afgewezen" } as const;

function approvalError(c: Context, error: unknown) {
  if (error instanceof ApprovalNotFoundError) {
    return problem(c, 404, "not_found", `Goedkeuring ${error.id} bestaat niet.`);
  }
  if (error instanceof ApprovalAlreadyDecidedError) {
    return problem(c, 409, "already_decided", `Goedkeuring ${error.id} is al beslist (${STATUS_NL[error.status]}).`);
  }
  throw error;
}

/** Domain errors (bad names, unknown records, duplicates) as 400/404/409. */
function domainError(c: Context, error: unknown) {
  if (error instanceof RecordNotFoundError) return problem(c, 404, "not_found", error.message);
  if (error instanceof DuplicateIdError) return problem(c, 409, "conflict", error.message);
  if (error instanceof Error && /^ongeldige /.test(error.message)) return problem(c, 400, "invalid", error.message);
  throw error;
}

export function createGatewayAdminApi(options: GatewayAdminOptions): Hono {
  const { identity, auditLog } = options;
  const app = new Hono();

  app.use("*", async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token || !(await options.verifyToken(token))) {
      return problem(c, 401, "unauthorized", "Beheertoken ontbreekt of klopt niet (Authorization: Bearer <token>).");
    }
    await next();
  });

  app.post("/keys", async (c) => {
    const body = await jsonBody(c, createKeySchema);
    if (!body.ok) return problem(c, 400, "invalid", body.message);
    try {
      const expiresInMs = body.value.expiresIn === undefined ? undefined : parseDuration(body.value.expiresIn);
      const created = await identity.createKey({ ...body.value, expiresInMs });
      return c.json({ key: created.key, ...created.view }, 201);
    } catch (error) {
      return domainError(c, error);
    }
  });

  app.get("/keys", async (c) => {
    const filter: { user?: string; team?: string } = {};
    const user = c.req.query("user");
    const team = c.req.query("team");
    if (user) filter.user = user;
    if (team) filter.team = team;
    return c.json({ keys: await identity.listKeys(filter) });
  });

  app.delete("/keys/:id", async (c) => {
    try {
      return c.json(await identity.revokeKey(c.req.param("id")));
    } catch (error) {
      return domainError(c, error);
    }
  });

  app.get("/users", async (c) => c.json({ users: await identity.listUsers(c.req.query("team") || undefined) }));

  app.post("/users", async (c) => {
    const body = await jsonBody(c, createUserSchema);
    if (!body.ok) return problem(c, 400, "invalid", body.message);
    try {
      return c.json(await identity.addUser(body.value.name, body.value.team), 201);
    } catch (error) {
      return domainError(c, error);
    }
  });

  app.put("/users/:name/team", async (c) => {
    const body = await jsonBody(c, setTeamSchema);
    if (!body.ok) return problem(c, 400, "invalid", body.message);
    try {
      return c.json(await identity.setUserTeam(c.req.param("name"), body.value.team));
    } catch (error) {
      return domainError(c, error);
    }
  });

  app.get("/teams", async (c) => c.json({ teams: await identity.listTeams() }));

  app.post("/teams", async (c) => {
    const body = await jsonBody(c, createTeamSchema);
    if (!body.ok) return problem(c, 400, "invalid", body.message);
    try {
      return c.json(await identity.addTeam(body.value.name), 201);
    } catch (error) {
      return domainError(c, error);
    }
  });

  app.get("/approvals", async (c) => {
    if (!options.approvals) return problem(c, 503, "unavailable", "Goedkeuringen zijn niet beschikbaar.");
    const query = approvalListSchema.safeParse(c.req.query());
    if (!query.success) {
      const issue = query.error.issues[0];
      return problem(c, 400, "invalid", `${issue?.path.join(".")}: ${issue?.message}`);
    }
    const { status, limit } = query.data;
    return c.json({
      approvals: await options.approvals.list({ status: status === "all" ? undefined : status, limit }),
    });
  });

  app.get("/approvals/:id", async (c) => {
    if (!options.approvals) return problem(c, 503, "unavailable", "Goedkeuringen zijn niet beschikbaar.");
    try {
      return c.json(await options.approvals.get(c.req.param("id")));
    } catch (error) {
      return approvalError(c, error);
    }
  });

  for (const action of ["approve", "deny"] as const) {
    app.post(`/approvals/:id/${action}`, async (c) => {
      const approvals = options.approvals;
      if (!approvals) return problem(c, 503, "unavailable", "Goedkeuringen zijn niet beschikbaar.");
      const text = await c.req.text();
      const body = text.trim() === "" ? { ok: true as const, value: {} } : parseBody(text, decisionSchema);
      if (!body.ok) return problem(c, 400, "invalid", body.message);
      const by = body.value.by ?? "admin-token";
      try {
        const id = c.req.param("id");
        const decided =
          action === "approve"
            ? await approvals.approve(id, by, body.value.note)
            : await approvals.deny(id, by, body.value.note);
        return c.json(decided);
      } catch (error) {
        return approvalError(c, error);
      }
    });
  }

  app.get("/audit", async (c) => {
    const query = auditQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      const issue = query.error.issues[0];
      return problem(c, 400, "invalid", `${issue?.path.join(".")}: ${issue?.message}`);
    }
    const { format, ...filter } = query.data;
    const text = await auditLog.export(format, filter);
    const type = format === "csv" ? "text/csv; charset=utf-8" : "application/json";
    return c.body(text, 200, {
      "content-type": type,
      "content-disposition": `attachment; filename="poortwachter-audit.${format}"`,
    });
  });

  return app;
}
