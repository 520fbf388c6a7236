import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { Lang, Tier } from "../model.js";
import { formatCheckReport } from "../rules/index.js";
import { type GovernanceService, InputError, validate } from "../service/index.js";
import { errorResponse, handleError, langOf, readJson } from "./http.js";
import { buildOpenApiDocument } from "./openapi.js";

/** Who calls, when the API runs behind a login that knows people (the web app's session). */
export interface GovernanceCaller {
  /** Recorded as requester or decider when the request leaves it out. */
  name: string;
  /** Owners and administrators may do everything; others only what members may. */
  admin: boolean;
}

export interface GovernanceApiOptions {
  service: GovernanceService;
  /** Checks the admin bearer token; every route requires it. Ignored when `auth` is given. */
  verifyToken?: (token: string) => Promise<boolean>;
  /** Replaces the bearer-token check, e.g. with the web app's session; runs before every route. */
  auth?: MiddlewareHandler;
  /** The person behind the request (set by `auth`); absent means a full-rights admin token. */
  caller?: (c: Context) => GovernanceCaller | undefined;
  /** Largest accepted request body; log imports are the big ones. */
  maxBodyBytes?: number;
  /** The clock for request dates the API fills in. */
  now?: () => Date;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The governance REST API; mount it under `/api/governance`. */
export function createGovernanceApi(options: GovernanceApiOptions): Hono {
  const { service } = options;
  const callerOf = (c: Context): GovernanceCaller | undefined => options.caller?.(c);
  const api = new Hono();
  api.onError(handleError);
  api.notFound((c) => errorResponse(c, 404, "not_found", { nl: "Onbekend adres", en: "Unknown path" }));

  api.use("*", options.auth ?? bearerAuth(options.verifyToken));
  // Members read the catalogue, the tools, the policy and the disclosure texts, and may ask for a
  // tool; everything else is for owners and administrators.
  api.use("*", async (c, next) => {
    const caller = callerOf(c);
    if (caller && !caller.admin && !memberMay(c.req.method, c.req.path)) {
      return errorResponse(c, 403, "forbidden", {
        nl: "Dit mag alleen de eigenaar of een beheerder.",
        en: "Only the owner or an administrator may do this.",
      });
    }
    await next();
  });
  api.use(
    "*",
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 20 * 1024 * 1024,
      onError: (c) =>
        errorResponse(c, 413, "too_large", { nl: "De aanvraag is te groot", en: "The request is too large" }),
    }),
  );
  const today = () => (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  registerRoutes(api, service, callerOf, today);
  return api;
}

/** The admin bearer token of the REST API and the CLI. */
function bearerAuth(verifyToken: GovernanceApiOptions["verifyToken"]): MiddlewareHandler {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header("authorization") ?? "");
    if (!match?.[1] || !verifyToken || !(await verifyToken(match[1]))) {
      c.header("WWW-Authenticate", 'Bearer realm="poortwachter"');
      return errorResponse(c, 401, "unauthorized", {
        nl: "Geef een geldig beheertoken mee (Authorization: Bearer ...)",
        en: "Send a valid admin token (Authorization: Bearer ...)",
      });
    }
    await next();
  };
}

const MEMBER_ROUTES: { method: string; path: RegExp }[] = [
  { method: "GET", path: /\/(catalogue|tools|policy|disclosure)$/ },
  { method: "GET", path: /\/tools\/[^/]+$/ },
  { method: "POST", path: /\/tools$/ },
  { method: "POST", path: /\/tools\/[^/]+\/request$/ },
];

/** Matched on the end of the path, so it holds wherever the API is mounted. */
function memberMay(method: string, path: string): boolean {
  const bare = path.replace(/\/+$/, "");
  return MEMBER_ROUTES.some((r) => r.method === method && r.path.test(bare));
}

function registerRoutes(
  api: Hono,
  service: GovernanceService,
  callerOf: (c: Context) => GovernanceCaller | undefined,
  today: () => string,
): void {
  api.get("/openapi.json", (c) => c.json(buildOpenApiDocument()));

  // --- catalogue ---
  const CatalogueQuery = z.strictObject({ q: z.string().max(200).optional(), tier: Tier.optional() });
  api.get("/catalogue", async (c) => {
    const query = validate(CatalogueQuery, c.req.query());
    const catalogue = await service.catalogue();
    const entries =
      query.q || query.tier
        ? catalogue.search(query.q ?? "", query.tier ? { tier: query.tier } : undefined)
        : catalogue.entries;
    return c.json({ entries });
  });
  api.post("/catalogue", async (c) => c.json(await service.addCatalogueEntry(await readJson(c)), 201));
  api.delete("/catalogue/:id", async (c) => {
    await service.deleteCatalogueEntry(c.req.param("id"));
    return c.body(null, 204);
  });

  // --- tools in use ---
  api.get("/tools", async (c) => c.json({ tools: await service.listTools() }));
  api.post("/tools", async (c) =>
    c.json(await service.addTool(asRequest(await readJson(c), callerOf(c), today())), 201),
  );
  api.get("/tools/:id", async (c) => c.json(await service.getTool(c.req.param("id"))));
  api.put("/tools/:id", async (c) => c.json(await service.updateTool(c.req.param("id"), await readJson(c))));
  api.delete("/tools/:id", async (c) => {
    await service.deleteTool(c.req.param("id"));
    return c.body(null, 204);
  });
  api.post("/tools/:id/decision", async (c) => {
    const body = await readJson(c);
    const caller = callerOf(c);
    const decision = caller && isObject(body) && body.by === undefined ? { ...body, by: caller.name } : body;
    return c.json(await service.decideTool(c.req.param("id"), decision));
  });
  const ReRequest = z.strictObject({
    requestedBy: z.string().trim().min(1).max(200),
    reason: z.string().max(4000).optional(),
  });
  api.post("/tools/:id/request", async (c) => {
    const raw = await readJson(c);
    const caller = callerOf(c);
    const body = validate(ReRequest, caller && isObject(raw) ? { requestedBy: caller.name, ...raw } : raw);
    return c.json(await service.requestTool(c.req.param("id"), body.requestedBy, body.reason));
  });

  // --- EU AI Act register ---
  const ExportQuery = z.strictObject({ format: z.enum(["csv", "json"]).default("csv") });
  api.get("/register/export", async (c) => {
    const { format } = validate(ExportQuery, c.req.query());
    const file = await service.exportRegister(format);
    return download(c, file.body, file.contentType, file.fileName);
  });
  collection(api, "/register", "entries", service.register);

  // --- incidents (listed with their notification countdown) ---
  api.get("/incidents", async (c) => c.json({ incidents: await service.listIncidents() }));
  api.get("/incidents/:id", async (c) => c.json(await service.viewIncident(c.req.param("id"))));
  collection(api, "/incidents", "incidents", service.incidents);

  collection(api, "/contacts", "contacts", service.contacts);
  collection(api, "/trainings", "trainings", service.trainings);

  // --- settings ---
  api.get("/policy-choices", async (c) => {
    const choices = await service.getPolicyChoices();
    if (!choices) {
      return errorResponse(c, 404, "not_found", {
        nl: "Er zijn nog geen beleidskeuzes vastgelegd",
        en: "No policy choices have been recorded yet",
      });
    }
    return c.json(choices);
  });
  api.put("/policy-choices", async (c) => c.json(await service.setPolicyChoices(await readJson(c))));
  api.get("/organisation", async (c) => {
    const organisation = await service.getOrganisation();
    if (!organisation) {
      return errorResponse(c, 404, "not_found", {
        nl: "De organisatie is nog niet ingevuld",
        en: "The organisation has not been filled in yet",
      });
    }
    return c.json(organisation);
  });
  api.put("/organisation", async (c) => c.json(await service.setOrganisation(await readJson(c))));

  // --- shadow AI ---
  const ImportQuery = z.strictObject({
    format: z.enum(["auto", "dnsmasq", "bind", "windows-dns", "squid", "csv", "json", "plain"]).default("auto"),
    source: z.string().trim().max(200).optional(),
  });
  api.post("/shadow-ai/import", async (c) => {
    const query = validate(ImportQuery, c.req.query());
    const { text, fileName } = await readLogBody(c);
    const result = await service.importShadowAiLog(text, {
      source: query.source ?? fileName ?? "upload",
      ...(query.format === "auto" ? {} : { format: query.format }),
    });
    return c.json(result, 201);
  });
  api.get("/shadow-ai/imports", async (c) => c.json({ imports: await service.listShadowAiImports() }));
  api.get("/shadow-ai/findings", async (c) => {
    const { importId } = validate(z.strictObject({ importId: z.string().min(1).optional() }), c.req.query());
    return c.json(await service.shadowAiFindings(importId));
  });

  // --- policy one-pager and disclosure texts ---
  const PolicyQuery = z.strictObject({ format: z.enum(["md", "html", "pdf"]).default("md"), lang: Lang.default("nl") });
  api.get("/policy", async (c) => {
    const { format, lang } = validate(PolicyQuery, c.req.query());
    const file = await service.policyDocument(format, lang);
    return download(c, file.body, file.contentType, file.fileName);
  });
  api.get("/disclosure", async (c) => {
    const { lang, ...options } = c.req.query();
    const texts = await service.disclosureTexts(options);
    const wanted = lang === undefined ? texts : texts.filter((t) => t.lang === validate(Lang, lang));
    return c.json({ texts: wanted });
  });

  // --- the 12-rule check ---
  const CheckQuery = z.strictObject({ format: z.enum(["json", "text"]).default("json"), lang: Lang.optional() });
  api.get("/check", async (c) => {
    const query = validate(CheckQuery, c.req.query());
    const result = await service.check();
    if (query.format === "text") {
      c.header("Content-Type", "text/plain; charset=utf-8");
      return c.body(formatCheckReport(result, query.lang ?? langOf(c)));
    }
    return c.json(result);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A tool registered by a person: the requester is the caller unless given, and a member can only
 * ask for a tool, never register it as already approved.
 */
function asRequest(body: unknown, caller: GovernanceCaller | undefined, today: string): unknown {
  if (!caller || !isObject(body)) return body;
  const approval = isObject(body.approval) ? body.approval : {};
  const request = { status: "requested", requestedBy: caller.name, requestedOn: today };
  if (!caller.admin) {
    const { reason } = approval;
    return { ...body, approval: { ...request, ...(typeof reason === "string" ? { reason } : {}) } };
  }
  return { ...body, approval: { ...request, ...approval } };
}

interface Crud {
  list(): Promise<unknown[]>;
  get(id: string): Promise<unknown>;
  add(input: unknown): Promise<unknown>;
  update(id: string, input: unknown): Promise<unknown>;
  delete(id: string): Promise<void>;
}

/** The five routes of a plain collection; routes registered earlier for the same path win. */
function collection(api: Hono, path: string, listKey: string, crud: Crud): void {
  api.get(path, async (c) => c.json({ [listKey]: await crud.list() }));
  api.post(path, async (c) => c.json(await crud.add(await readJson(c)), 201));
  api.get(`${path}/:id`, async (c) => c.json(await crud.get(c.req.param("id"))));
  api.put(`${path}/:id`, async (c) => c.json(await crud.update(c.req.param("id"), await readJson(c))));
  api.delete(`${path}/:id`, async (c) => {
    await crud.delete(c.req.param("id"));
    return c.body(null, 204);
  });
}

/** A log arrives as a plain-text body or as the `file` field of a multipart form. */
async function readLogBody(c: Context): Promise<{ text: string; fileName?: string }> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (file instanceof File) return { text: await file.text(), fileName: file.name };
    if (typeof file === "string") return { text: file };
    throw InputError.field("file", "Stuur het logbestand mee in het veld 'file'", "send the log in the 'file' field");
  }
  const text = await c.req.text();
  if (!text.trim()) throw InputError.field("file", "Het logbestand is leeg", "the log is empty");
  return { text };
}

export function download(c: Context, body: string | Uint8Array, contentType: string, fileName: string) {
  c.header("Content-Type", contentType);
  c.header("Content-Disposition", `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`);
  return c.body(typeof body === "string" ? body : new Uint8Array(body));
}
