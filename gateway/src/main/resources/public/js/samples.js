// Request samples and the try-it request of one operation, built from the API's own (normalised) spec: its first
// server (variables at their defaults), path and query parameters at their examples, the security scheme as a
// placeholder, and an example body from the media type's example(s) or else one made from the schema. Pure
// functions of the spec, so the page and the tests see the same request. A value that is null counts as absent (a
// normalised document may spell unset fields as null).

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const JSON_TYPE = /^application\/([\w.+-]*\+)?json/i;

/** The operation's address in the portal: its operationId, else method and path ("get~legalEvents~{id}"). */
export function operationKey({ operationId, method, path }) {
  return operationId || (String(method).toLowerCase() + String(path).replace(/\//g, "~"));
}

/** Every operation of the spec: [{path, method, operation, key}], in the spec's order. */
export function operations(spec) {
  const found = [];
  for (const [path, item] of Object.entries((spec && spec.paths) || {})) {
    const pathItem = resolve(spec, item);
    for (const method of METHODS) {
      if (pathItem && pathItem[method]) {
        const operation = pathItem[method];
        found.push({ path, method, operation, pathItem, key: operationKey({ operationId: operation.operationId, method, path }) });
      }
    }
  }
  return found;
}

/** A local reference ("#/components/schemas/X") followed, at most 20 deep; anything else is returned as it is. */
export function resolve(spec, node, depth = 0) {
  if (!node || typeof node !== "object" || typeof node.$ref !== "string" || depth > 20) return node;
  if (!node.$ref.startsWith("#/")) return node;
  let target = spec;
  for (const raw of node.$ref.slice(2).split("/")) {
    const name = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    target = target && typeof target === "object" ? target[name] : undefined;
  }
  return target === undefined ? node : resolve(spec, target, depth + 1);
}

/** The first server's URL with its variables at their defaults; "" when the spec names none. */
export function serverUrl(spec) {
  const server = ((spec && spec.servers) || [])[0];
  if (!server || !server.url) return "";
  return server.url.replace(/\{([^}]+)\}/g, (match, name) => {
    const variable = (server.variables || {})[name];
    return variable && variable.default != null ? String(variable.default) : match;
  }).replace(/\/+$/, "");
}

/** An example value of a schema: its example, default, first enum value, or one made from its type. */
export function exampleOf(spec, schemaOrRef, depth = 0) {
  const schema = resolve(spec, schemaOrRef);
  if (!schema || typeof schema !== "object" || depth > 6) return null;
  if (schema.example != null) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default != null) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const combined of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(schema[combined]) && schema[combined].length) {
      if (combined !== "allOf") return exampleOf(spec, schema[combined][0], depth + 1);
      return Object.assign({}, ...schema.allOf.map(part => exampleOf(spec, part, depth + 1)).filter(v => v && typeof v === "object"));
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.find(t => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    const value = {};
    for (const [name, property] of Object.entries(schema.properties || {})) value[name] = exampleOf(spec, property, depth + 1);
    return value;
  }
  if (type === "array") return [exampleOf(spec, schema.items, depth + 1)];
  if (type === "integer") return schema.minimum != null ? schema.minimum : 1;
  if (type === "number") return schema.minimum != null ? schema.minimum : 1.5;
  if (type === "boolean") return true;
  if (schema.format === "date") return "2024-01-31";
  if (schema.format === "date-time") return "2024-01-31T12:00:00Z";
  return "string";
}

function parameterExample(spec, parameter) {
  if (parameter.example != null) return parameter.example;
  const examples = Object.values(parameter.examples || {}).map(e => resolve(spec, e));
  if (examples.length && examples[0] && examples[0].value != null) return examples[0].value;
  const value = exampleOf(spec, parameter.schema);
  return value === null || value === "string" ? parameter.name : value;
}

function text(value) {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function bodyOf(spec, operation) {
  const requestBody = resolve(spec, operation.requestBody);
  if (!requestBody || !requestBody.content) return null;
  const types = Object.keys(requestBody.content);
  const mediaType = types.find(t => JSON_TYPE.test(t)) || types[0];
  const content = requestBody.content[mediaType] || {};
  let value = content.example;
  if (value == null) {
    const first = Object.values(content.examples || {}).map(e => resolve(spec, e))[0];
    value = first ? first.value : exampleOf(spec, content.schema);
  }
  if (value === undefined || value === null) return { mediaType, text: "" };
  return { mediaType, text: JSON_TYPE.test(mediaType) ? JSON.stringify(value, null, 2) : text(value) };
}

/** What the operation's security asks a caller to send, as placeholders the user replaces. */
function credentials(spec, operation) {
  const requirements = operation.security || spec.security || [];
  const schemes = (spec.components && spec.components.securitySchemes) || {};
  const first = requirements.find(r => Object.keys(r).length) || {};
  const headers = [];
  const query = [];
  for (const name of Object.keys(first)) {
    const scheme = resolve(spec, schemes[name]) || {};
    if (scheme.type === "apiKey" && scheme.in === "header") headers.push({ name: scheme.name, value: "YOUR_API_KEY" });
    else if (scheme.type === "apiKey" && scheme.in === "query") query.push({ name: scheme.name, value: "YOUR_API_KEY" });
    else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") headers.push({ name: "Authorization", value: "Basic BASE64_USER_AND_PASSWORD" });
    else if (scheme.type) headers.push({ name: "Authorization", value: "Bearer YOUR_TOKEN" });
  }
  return { headers, query };
}

function acceptOf(spec, operation) {
  const ok = Object.entries(operation.responses || {}).find(([code]) => /^2/.test(code));
  const response = ok ? resolve(spec, ok[1]) : null;
  const types = Object.keys((response && response.content) || {});
  return types.find(t => JSON_TYPE.test(t)) || types[0] || "application/json";
}

/**
 * The request the samples show and the try-it form starts from:
 * {method, server, path, pathParams, queryParams, headers, body: {mediaType, text}|null}, each parameter
 * {name, value, required, description}.
 */
export function requestOf(spec, { path, method, operation, pathItem }) {
  const merged = new Map();
  for (const p of [...((pathItem && pathItem.parameters) || []), ...(operation.parameters || [])]) {
    const parameter = resolve(spec, p);
    if (parameter && parameter.name) merged.set(parameter.in + ":" + parameter.name, parameter);
  }
  const pick = (where) => [...merged.values()].filter(p => p.in === where)
    .filter(p => where === "path" || p.required || p.example != null || p.examples != null
      || (p.schema && resolve(spec, p.schema).example != null))
    .map(p => ({ name: p.name, value: text(parameterExample(spec, p)), required: Boolean(p.required), description: p.description || "" }));
  const security = credentials(spec, operation);
  const body = bodyOf(spec, operation);
  return {
    method: method.toUpperCase(),
    server: serverUrl(spec),
    path,
    pathParams: pick("path"),
    queryParams: [...pick("query"), ...security.query.map(q => ({ ...q, required: true, description: "" }))],
    headers: [{ name: "Accept", value: acceptOf(spec, operation) },
      ...pick("header"), ...security.headers.map(hd => ({ ...hd, required: true, description: "" })),
      ...(body ? [{ name: "Content-Type", value: body.mediaType }] : [])],
    body,
  };
}

/** The full URL of a request: server + path with its parameters filled in + the query. */
export function urlOf(request) {
  let path = request.path;
  for (const p of request.pathParams) path = path.split("{" + p.name + "}").join(encodeURIComponent(p.value));
  const query = new URLSearchParams();
  for (const p of request.queryParams) if (p.value !== "") query.append(p.name, p.value);
  const text = query.toString();
  return request.server + path + (text ? "?" + text : "");
}

function shell(value) {
  return "'" + String(value).replace(/'/g, "'\\''") + "'";
}

function python(value, indent = "") {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = indent + "    ";
  if (Array.isArray(value)) return value.length ? "[\n" + value.map(v => inner + python(v, inner)).join(",\n") + ",\n" + indent + "]" : "[]";
  const entries = Object.entries(value);
  return entries.length ? "{\n" + entries.map(([k, v]) => inner + JSON.stringify(k) + ": " + python(v, inner)).join(",\n") + ",\n" + indent + "}" : "{}";
}

function parsedJson(body) {
  if (!body || !JSON_TYPE.test(body.mediaType)) return undefined;
  try { return JSON.parse(body.text); } catch (e) { return undefined; }
}

/** The four samples: {curl, java, python, javascript}, each a complete program text. */
export function samples(request) {
  const url = urlOf(request);
  const { method, headers, body } = request;
  const hasBody = body && body.text !== "";

  const curl = ["curl -X " + method + " " + shell(url), ...headers.map(hd => "  -H " + shell(hd.name + ": " + hd.value)),
    ...(hasBody ? ["  --data-raw " + shell(body.text)] : [])].join(" \\\n");

  const javaBody = hasBody ? "HttpRequest.BodyPublishers.ofString(" + JSON.stringify(body.text) + ")" : "HttpRequest.BodyPublishers.noBody()";
  const java = [
    "import java.net.URI;",
    "import java.net.http.HttpClient;",
    "import java.net.http.HttpRequest;",
    "import java.net.http.HttpResponse;",
    "",
    "public class Example {",
    "    public static void main(String[] args) throws Exception {",
    "        HttpClient client = HttpClient.newHttpClient();",
    "        HttpRequest request = HttpRequest.newBuilder(URI.create(" + JSON.stringify(url) + "))",
    ...headers.map(hd => "                .header(" + JSON.stringify(hd.name) + ", " + JSON.stringify(hd.value) + ")"),
    "                .method(" + JSON.stringify(method) + ", " + javaBody + ")",
    "                .build();",
    "        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());",
    "        System.out.println(response.statusCode());",
    "        System.out.println(response.body());",
    "    }",
    "}",
  ].join("\n");

  const base = urlOf({ ...request, queryParams: [] });
  const json = parsedJson(body);
  const pythonArgs = ["    " + JSON.stringify(base) + ","];
  if (request.queryParams.length) pythonArgs.push("    params=" + python(Object.fromEntries(request.queryParams.map(p => [p.name, p.value])), "    ") + ",");
  const pythonHeaders = headers.filter(hd => !(json !== undefined && hd.name === "Content-Type"));
  pythonArgs.push("    headers=" + python(Object.fromEntries(pythonHeaders.map(hd => [hd.name, hd.value])), "    ") + ",");
  if (hasBody) pythonArgs.push(json !== undefined ? "    json=" + python(json, "    ") + "," : "    data=" + JSON.stringify(body.text) + ",");
  pythonArgs.push("    timeout=30,");
  const py = ["import requests", "", "response = requests.request(", "    " + JSON.stringify(method) + ",", ...pythonArgs, ")",
    "print(response.status_code)", "print(response.text)"].join("\n");

  const options = ["  method: " + JSON.stringify(method) + ",",
    "  headers: {", ...headers.map(hd => "    " + JSON.stringify(hd.name) + ": " + JSON.stringify(hd.value) + ","), "  },"];
  if (hasBody) options.push("  body: " + (json !== undefined ? "JSON.stringify(" + JSON.stringify(json, null, 2).replace(/\n/g, "\n  ") + ")" : JSON.stringify(body.text)) + ",");
  const javascript = ["const response = await fetch(" + JSON.stringify(url) + ", {", ...options, "});",
    "console.log(response.status, await response.text());"].join("\n");

  return { curl, java, python: py, javascript };
}
