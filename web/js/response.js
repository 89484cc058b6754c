// Reading the service's answers, in one place: every module treats a body that is not JSON the same way.

/**
 * The JSON body of a response, or null when it has none or is not JSON (an empty 204, a proxy's HTML error page,
 * a connection cut mid-body). The status tells what happened; the body only adds the problem's detail.
 */
export async function readJson(res) {
  try {
    return await res.json();
  } catch {
    return null;
  }
}
