// Validates Kubernetes manifests against the official OpenAPI schema, as compiled into AJV validators by the npm
// package kubernetes-models, in strict mode: like kubeconform -strict or kubectl --validate=strict, a field the
// schema does not declare is an error (a typo is otherwise silently dropped by the API server).
//
//   node validate.mjs FILE...     exit 0: every document is valid; 1: some are not (each is listed); 2: usage
//
// Strictness: the compiled validators read every property their schema declares and nothing else, so each object
// is handed to them behind a Proxy that records which keys were read; a key that was never read is undeclared.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}

let documents = 0;
const problems = [];
for (const file of files) {
  const parsed = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true });
  for (const [index, doc] of parsed.entries()) {
    const where = `${file}#${index}`;
    if (doc.errors.length > 0) {
      problems.push(`${where}: not YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const manifest = doc.toJS();
    if (manifest === null || manifest === undefined) continue; // an empty document, e.g. after a trailing ---
    documents++;
    const label = `${where} (${manifest.kind} ${manifest.metadata?.name})`;
    for (const problem of await check(manifest)) problems.push(`${label}: ${problem}`);
  }
}
if (problems.length > 0) {
  console.log(`${problems.length} schema problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`${documents} document(s) in ${files.length} file(s) valid against the Kubernetes schema (strict)`);

async function check(manifest) {
  if (typeof manifest.apiVersion !== "string" || typeof manifest.kind !== "string") {
    return ["apiVersion and kind must be strings"];
  }
  let validate;
  try {
    ({ validate } = await import(`kubernetes-models/_schemas/${schemaName(manifest.apiVersion, manifest.kind)}`));
  } catch {
    return [`unknown kind ${manifest.apiVersion} ${manifest.kind}`];
  }
  const unread = [];
  const root = tracked(manifest, "", unread);
  const problems = validate(root.proxy) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${message(e)}`);
  root.unread();
  return problems.concat(unread.map((path) => `${path}: unknown field`));
}

// apps/v1 Deployment -> IoK8sApiAppsV1Deployment; v1 Service -> IoK8sApiCoreV1Service;
// networking.k8s.io/v1 Ingress -> IoK8sApiNetworkingV1Ingress
function schemaName(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const pascal = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  return `IoK8sApi${pascal(group.split(".")[0])}${pascal(version)}${kind}`;
}

function message(error) {
  const params = error.params ?? {};
  switch (error.keyword) {
    case "type": return `must be ${params.type}`;
    case "required": return `lacks the required field ${params.missingProperty}`;
    case "enum": return `must be one of ${JSON.stringify(params.allowedValues)}`;
    case "format": return `must be a valid ${params.format}`;
    default: return `${error.keyword} ${JSON.stringify(params)}`;
  }
}

function tracked(value, path, unread) {
  const read = new Set();
  const children = new Map();
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || !Object.hasOwn(target, key)) return child;
      read.add(key);
      if (child === null || typeof child !== "object") return child;
      if (!children.has(key)) children.set(key, tracked(child, `${path}/${key}`, unread));
      return children.get(key).proxy;
    },
  });
  return {
    proxy,
    unread() {
      for (const key of Object.keys(value)) if (!read.has(key)) unread.push(`${path}/${key}`);
      for (const child of children.values()) child.unread();
    },
  };
}
