/**
 * `${VAR}` and `${VAR:-default}` in YAML values. Substitution happens on the parsed document, in
 * string values only (never in keys), so a value with quotes or colons cannot change the YAML's
 * structure, and an error can name the path and line of the reference.
 */
import { type Document, isPair, isScalar, isSeq, type LineCounter, type Node, visit } from "yaml";

export class EnvSubstitutionError extends Error {
  override name = "EnvSubstitutionError";
  constructor(
    message: string,
    /** Where in the YAML, e.g. `providers[0].apiKey`, when known. */
    readonly path?: string,
    readonly line?: number,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expand references in one string. `${VAR:-default}` uses the default when VAR is unset or empty,
 * `${VAR-default}` only when unset; `$${` writes a literal `${`.
 */
export function expandEnv(value: string, env: Env): string {
  let out = "";
  let at = 0;
  while (at < value.length) {
    const dollar = value.indexOf("$", at);
    if (dollar < 0) break;
    out += value.slice(at, dollar);
    if (value.startsWith("$${", dollar)) {
      out += "${";
      at = dollar + 3;
      continue;
    }
    if (value[dollar + 1] !== "{") {
      out += "$";
      at = dollar + 1;
      continue;
    }
    const close = value.indexOf("}", dollar + 2);
    if (close < 0) throw new EnvSubstitutionError(`unclosed "\${" (write "$\${" for a literal)`);
    const body = value.slice(dollar + 2, close);
    const colonDash = body.indexOf(":-");
    const dash = body.indexOf("-");
    const split = colonDash >= 0 ? colonDash : dash;
    const name = split >= 0 ? body.slice(0, split) : body;
    if (!NAME.test(name)) throw new EnvSubstitutionError(`"\${${body}}" is not a valid variable reference`);
    const fallback = split >= 0 ? body.slice(split + (colonDash >= 0 ? 2 : 1)) : undefined;
    const current = env[name];
    const useDefault = current === undefined || (colonDash >= 0 && current === "");
    if (useDefault && fallback === undefined) {
      throw new EnvSubstitutionError(
        `environment variable ${name} is not set (set it, or write \${${name}:-default} for a default)`,
      );
    }
    out += useDefault ? (fallback as string) : current;
    at = close + 1;
  }
  return out + value.slice(at);
}

/** `providers[1].apiKey` for a node, from the visitor's ancestor chain. */
export function describePath(ancestors: readonly unknown[], node: unknown): string {
  let path = "";
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) path += `[${parent.items.indexOf(child as Node)}]`;
    else if (isPair(parent) && child === parent.value) {
      const key = isScalar(parent.key) ? String(parent.key.value) : String(parent.key);
      path += path === "" ? key : `.${key}`;
    }
  }
  return path === "" ? "(root)" : path;
}

/** Replace every reference in the document's string values, in place. */
export function substituteEnv(doc: Document, env: Env, lineCounter: LineCounter): void {
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === "key" || typeof node.value !== "string" || !node.value.includes("$")) return;
      try {
        node.value = expandEnv(node.value, env);
      } catch (err) {
        if (!(err instanceof EnvSubstitutionError)) throw err;
        const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        throw new EnvSubstitutionError(err.message, describePath(ancestors, node), line);
      }
    },
  });
}
