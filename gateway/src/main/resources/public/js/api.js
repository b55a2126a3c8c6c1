// Calls the public API of ipdex (same origin, through the gateway). Errors are RFC 9457 problem documents; this
// module turns them into ApiError with the problem attached, so pages can show `detail` and per-field `errors`.

const KEY = "ipdex.apiKey";

export class ApiError extends Error {
  constructor(status, problem, anonymousRead = false) {
    super((problem && (problem.detail || problem.title)) || ("HTTP " + status));
    this.status = status;
    this.problem = problem || {};
    this.anonymousRead = anonymousRead;
  }

  /**
   * The endpoint does not exist (yet): a 404, or a 403 to an anonymous read — every read of the public API is
   * open to anyone, so a refusal there means the service has no such route and its security said no first.
   */
  get missingEndpoint() {
    const generic = !this.problem.detail || ["Page Not Found", "Not Found", "Forbidden"].includes(this.problem.detail);
    return generic && (this.status === 404 || (this.status === 403 && this.anonymousRead));
  }
}

export const apiKey = {
  get: () => sessionStorage.getItem(KEY) || "",
  set: (key) => key ? sessionStorage.setItem(KEY, key.trim()) : sessionStorage.removeItem(KEY),
};

function headers(auth, extra) {
  const all = { Accept: "application/json", ...extra };
  const key = apiKey.get();
  if (auth && key) all.Authorization = "Bearer " + key;
  return all;
}

async function parse(response) {
  const type = response.headers.get("Content-Type") || "";
  if (response.status === 204) return null;
  if (type.includes("json")) return response.json().catch(() => null);
  return response.text();
}

/** request("GET", "/api/v1/…", {auth, body, contentType, signal}) → parsed body, or throws ApiError */
export async function request(method, path, { auth = false, body, contentType, signal, accept } = {}) {
  const extra = {};
  if (contentType) extra["Content-Type"] = contentType;
  if (accept) extra.Accept = accept;
  let response;
  try {
    response = await fetch(path, { method, headers: headers(auth, extra), body, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, { detail: null });
  }
  const parsed = await parse(response);
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === "object" ? parsed : { detail: parsed },
      method === "GET" && !(auth && apiKey.get()));
  }
  return parsed;
}

export const get = (path, options) => request("GET", path, options);

export function postJson(path, value, options = {}) {
  return request("POST", path, { ...options, body: JSON.stringify(value), contentType: "application/json" });
}

export function putJson(path, value, options = {}) {
  return request("PUT", path, { ...options, body: JSON.stringify(value), contentType: "application/json" });
}

export function patchJson(path, value, options = {}) {
  return request("PATCH", path, { ...options, body: JSON.stringify(value), contentType: "application/json" });
}

/**
 * Sends a file with XMLHttpRequest, whose upload events (unlike fetch's) report progress.
 * onProgress(sentBytes, totalBytes). Resolves with the parsed body; rejects with ApiError.
 */
export function upload(method, path, file, { auth = true, contentType, onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    for (const [name, value] of Object.entries(headers(auth, {}))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", contentType || file.type || "application/octet-stream");
    xhr.upload.addEventListener("progress", (event) => {
      if (onProgress) onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { body = { detail: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, {})));
    xhr.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    if (signal) signal.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

/** The media type ipdex expects for a spec or authority file, from its name. */
export function mediaTypeOf(name) {
  const lower = (name || "").toLowerCase();
  if (lower.endsWith(".json")) return "application/json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "application/yaml";
  if (lower.endsWith(".zip")) return "application/zip";
  if (lower.endsWith(".gz")) return "application/gzip";
  if (lower.endsWith(".csv")) return "text/csv";
  if (lower.endsWith(".txt")) return "text/plain";
  return "application/octet-stream";
}

export const enc = encodeURIComponent;
