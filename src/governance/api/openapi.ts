import { z } from "zod";
import {
  AiActRegisterEntry,
  CatalogueEntry,
  Contact,
  Incident,
  PolicyChoices,
  ToolInUse,
  TrainingSession,
} from "../model.js";
import { ApprovalDecision, Organisation } from "../service/index.js";

/**
 * The OpenAPI 3.1 document of the governance API. Request bodies come straight from the zod
 * schemas the service validates with, so the document cannot drift from the validation.
 */
const SCHEMAS = {
  CatalogueEntry,
  ToolInUse,
  AiActRegisterEntry,
  Incident,
  Contact,
  TrainingSession,
  PolicyChoices,
  Organisation,
  ApprovalDecision,
} satisfies Record<string, z.ZodType>;
type SchemaName = keyof typeof SCHEMAS;

const ref = (name: SchemaName | "Error") => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const errors = {
  "400": { description: "Invalid input; `error.fields` names each field", ...json(ref("Error")) },
  "401": { description: "Missing or wrong admin token", ...json(ref("Error")) },
  "404": { description: "Not found", ...json(ref("Error")) },
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

function op(summary: string, extra: Record<string, unknown> = {}, ok: Record<string, unknown> = { description: "OK" }) {
  return { summary, responses: { "200": ok, ...errors }, ...extra };
}

function collectionPaths(path: string, tag: string, schema: SchemaName) {
  const body = { required: true, ...json(ref(schema)) };
  return {
    [path]: {
      get: op(`List ${tag}`, { tags: [tag] }),
      post: {
        summary: `Create ${tag} (id generated when absent)`,
        tags: [tag],
        requestBody: body,
        responses: {
          "201": { description: "Created", ...json(ref(schema)) },
          "409": { description: "Duplicate id" },
          ...errors,
        },
      },
    },
    [`${path}/{id}`]: {
      parameters: [idParam],
      get: op(`Get one of ${tag}`, { tags: [tag] }),
      put: op(`Replace one of ${tag}`, { tags: [tag], requestBody: body }),
      delete: {
        summary: `Delete one of ${tag}`,
        tags: [tag],
        responses: { "204": { description: "Deleted" }, ...errors },
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;

export function buildOpenApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Poortwachter governance API",
      version: "0.1.0",
      description:
        "AI register, tool catalogue, 12-rule check, incidents, contacts, training and policy choices. " +
        "Every request needs `Authorization: Bearer <admin token>`. Error messages are Dutch unless `Accept-Language: en`.",
    },
    servers: [{ url: "/api/governance" }],
    security: [{ adminToken: [] }],
    paths: {
      "/openapi.json": { get: op("This document") },
      "/catalogue": {
        get: op("Shipped and own catalogue entries", {
          parameters: [
            { name: "q", in: "query", schema: { type: "string" } },
            {
              name: "tier",
              in: "query",
              schema: { type: "string", enum: ["consumer", "business", "local", "privacy-service"] },
            },
          ],
        }),
        post: op("Add an own catalogue entry", { requestBody: { required: true, ...json(ref("CatalogueEntry")) } }),
      },
      "/catalogue/{id}": { parameters: [idParam], delete: op("Delete an own catalogue entry") },
      ...collectionPaths("/tools", "tools", "ToolInUse"),
      "/tools/{id}/decision": {
        parameters: [idParam],
        post: op("Approve or reject a requested tool", {
          tags: ["tools"],
          requestBody: { required: true, ...json(ref("ApprovalDecision")) },
        }),
      },
      "/tools/{id}/request": {
        parameters: [idParam],
        post: op("Request a decided tool again", {
          tags: ["tools"],
          requestBody: {
            required: true,
            ...json({
              type: "object",
              required: ["requestedBy"],
              properties: { requestedBy: { type: "string" }, reason: { type: "string" } },
            }),
          },
        }),
      },
      ...collectionPaths("/register", "register", "AiActRegisterEntry"),
      "/register/export": {
        get: op(
          "Export the AI register",
          {
            parameters: [
              { name: "format", in: "query", schema: { type: "string", enum: ["csv", "json"], default: "csv" } },
            ],
          },
          { description: "The register as a file", content: { "text/csv": {}, "application/json": {} } },
        ),
      },
      ...collectionPaths("/incidents", "incidents", "Incident"),
      ...collectionPaths("/contacts", "contacts", "Contact"),
      ...collectionPaths("/trainings", "trainings", "TrainingSession"),
      "/policy-choices": {
        get: op("The choices the policy one-pager is generated from"),
        put: op("Set the policy choices", { requestBody: { required: true, ...json(ref("PolicyChoices")) } }),
      },
      "/organisation": {
        get: op("Organisation details"),
        put: op("Set the organisation details", { requestBody: { required: true, ...json(ref("Organisation")) } }),
      },
      "/shadow-ai/import": {
        post: {
          summary: "Import a DNS/proxy/firewall log or browser-history export; stores and returns the findings",
          parameters: [
            {
              name: "format",
              in: "query",
              schema: {
                type: "string",
                enum: ["auto", "dnsmasq", "bind", "windows-dns", "squid", "csv", "json", "plain"],
                default: "auto",
              },
            },
            { name: "source", in: "query", schema: { type: "string" } },
          ],
          requestBody: {
            required: true,
            content: {
              "text/plain": { schema: { type: "string" } },
              "multipart/form-data": {
                schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
              },
            },
          },
          responses: { "201": { description: "Imported" }, ...errors },
        },
      },
      "/shadow-ai/imports": { get: op("Earlier imports, newest first") },
      "/shadow-ai/findings": {
        get: op("Findings of the latest (or a given) import", {
          parameters: [{ name: "importId", in: "query", schema: { type: "string" } }],
        }),
      },
      "/policy": {
        get: op(
          "The one-page AI policy",
          {
            parameters: [
              { name: "format", in: "query", schema: { type: "string", enum: ["md", "html", "pdf"], default: "md" } },
              { name: "lang", in: "query", schema: { type: "string", enum: ["nl", "en"], default: "nl" } },
            ],
          },
          {
            description: "The policy as a file",
            content: { "text/markdown": {}, "text/html": {}, "application/pdf": {} },
          },
        ),
      },
      "/disclosure": {
        get: op("AI disclosure texts (AI Act art. 50), ready to paste", {
          parameters: ["lang", "companyName", "assistantName", "humanContact", "privacyUrl"].map((name) => ({
            name,
            in: "query",
            schema: { type: "string" },
          })),
        }),
      },
      "/check": {
        get: op("The 12-rule check: status, evidence, next action and due date per rule", {
          parameters: [
            { name: "format", in: "query", schema: { type: "string", enum: ["json", "text"], default: "json" } },
            { name: "lang", in: "query", schema: { type: "string", enum: ["nl", "en"] } },
          ],
        }),
      },
    },
    components: {
      securitySchemes: { adminToken: { type: "http", scheme: "bearer" } },
      schemas: {
        ...Object.fromEntries(
          Object.entries(SCHEMAS).map(([name, schema]) => [
            name,
            z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
          ]),
        ),
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { field: { type: "string" }, message: { type: "string" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  return cached;
}
