// Records per publication year and kind, for the charts. The authority service's own statistics are asked first;
// while that endpoint is not there yet, search-service's authority look-up (whose first page carries the same
// counts) answers instead.
import { get, enc } from "./api.js";

/** Resolves to a list of year × kind counts (possibly empty); rejects only on a real error. */
export async function yearKindCounts(office, signal) {
  const query = office ? "?office=" + enc(office) : "";
  try {
    const body = await get("/api/v1/authority/statistics" + query, { signal });
    const rows = Array.isArray(body) ? body : (body && (body.statistics || body.items || body.cells)) || [];
    if (rows.length) return rows;
  } catch (error) {
    if (!error.missingEndpoint) throw error;
  }
  const found = await get("/api/v1/search/authority?limit=1" + (office ? "&office=" + enc(office) : ""), { signal });
  return (found && found.statistics) || [];
}
