// Talking to /graphql: one POST per request, a typed error for everything that is not data.

const TOKEN_KEY = "peergraph-token";
// Operation name -> sha256 of its document, written into the page by the service.
const HASHES = JSON.parse(document.querySelector('meta[name="page-documents"]').content);

export class ServiceError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  signIn: (token) => localStorage.setItem(TOKEN_KEY, token),
  signOut: () => localStorage.removeItem(TOKEN_KEY),
};

// A sign-in link carries its token in the fragment (#token=…, what `make run` prints), which
// browsers never send to a server; an old ?token=… link still works. Either is taken out of
// the address at once and returned, NOT kept: whoever made the link may not be this user, so
// the page asks first (explore.js).
export function takeTokenFromAddress() {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (!fragment.has("token") && !url.searchParams.has("token")) return null;
  const token = fragment.get("token") || url.searchParams.get("token");
  fragment.delete("token");
  url.searchParams.delete("token");
  url.hash = fragment.toString();
  history.replaceState(null, "", url);
  return token || null;
}

// What a token says about its user, read without checking its signature (only the service
// can): for showing, never for deciding. {} when it cannot be read.
export function unverifiedClaims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims !== null && typeof claims === "object" ? claims : {};
  } catch {
    return {};
  }
}

const MESSAGES = {
  SERVICE_UNAVAILABLE: "The graph database is not answering right now. Try again in a moment.",
  TIMEOUT: "The graph took too long to answer. Try again, or pick a smaller slice.",
  UNAUTHENTICATED: "Your sign-in was refused. Sign in again with a fresh token.",
};

function failure(error) {
  const code = error.extensions?.code ?? "ERROR";
  return new ServiceError(MESSAGES[code] ?? error.message, code);
}

// A service that took the request and never answers would otherwise leave the page waiting
// for ever. The service's own limit (queue plus statement timeouts) is well under this.
// (The browser tests shorten it through window.peergraphTimeoutMs.)
const TIMEOUT_MS = window.peergraphTimeoutMs ?? 60000;

async function post(body, token) {
  const headers = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return await fetch("/graphql", { method: "POST", headers, body: JSON.stringify(body), signal });
  } catch (error) {
    if (error.name === "TimeoutError") {
      throw new ServiceError(
        `The peergraph service did not answer within ${TIMEOUT_MS / 1000} s. Try again in a moment.`,
        "NO_ANSWER",
      );
    }
    throw new ServiceError(
      "The peergraph service cannot be reached. Check that it is running, then try again.",
      "UNREACHABLE",
    );
  }
}

// A request's data and the errors of the parts that failed (each left its field null). A
// request that failed whole (no data: a bad document, an unknown hash, a refused token) throws.
async function answer(body, token) {
  const response = await post(body, token);
  let payload;
  try {
    payload = await response.json();
  } catch {
    throw new ServiceError(`The service answered ${response.status} without a GraphQL response.`, "BAD_RESPONSE");
  }
  const errors = payload.errors ?? [];
  if (payload.data == null) throw failure(errors[0] ?? { message: "The service answered without data." });
  if (errors.length) console.warn("partial GraphQL errors", errors);
  return { data: payload.data, errors };
}

// The data only: an error that left a top-level field null (Neo4j down, a timeout, bad input)
// throws; an error deeper down only leaves a gap, and the rest is shown.
async function graphql(body, token) {
  const { data, errors } = await answer(body, token);
  const fatal = errors.find((e) => data[e.path?.[0]] == null);
  if (fatal) throw failure(fatal);
  return data;
}

// Why the part at `path` (["researcher", "trust"]) is missing, as a ServiceError; null when it
// is there.
export function missing(part, errors, path) {
  if (part != null) return null;
  return failedAt(errors, path) ?? new ServiceError("The service sent nothing for it.", "ERROR");
}

// The error of the part at `path`, as a ServiceError; null when none failed there.
export function failedAt(errors, path) {
  const error = errors.find((e) => path.every((key, i) => e.path?.[i] === key));
  return error ? failure(error) : null;
}

async function documentText(operationName) {
  const response = await fetch(`/assets/queries/${encodeURIComponent(operationName)}.graphql`);
  if (!response.ok) throw new ServiceError(`The page's ${operationName} query is missing: reload the page.`, "BAD_RESPONSE");
  return response.text();
}

// Runs one of the page's documents (queries.js) by its hash; a service that does not know the
// hash (restarted, or its store was emptied) is sent the text once, and keeps it. Signed in
// with the kept token unless another is given (the sign-in check).
export async function run(operationName, variables = {}, token = session.token()) {
  return send(graphql, operationName, variables, token);
}

// The same, for a page that shows what arrived: {data, errors}, where a part that failed is
// null in data and `missing` says why.
export async function runInParts(operationName, variables = {}, token = session.token()) {
  return send(answer, operationName, variables, token);
}

async function send(read, operationName, variables, token) {
  const sha256Hash = HASHES[operationName];
  if (!sha256Hash) throw new ServiceError(`The page has no ${operationName} query: reload the page.`, "BAD_RESPONSE");
  const body = { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } };
  try {
    return await read(body, token);
  } catch (error) {
    if (error.code !== "PERSISTED_QUERY_NOT_FOUND") throw error;
    return read({ ...body, query: await documentText(operationName) }, token);
  }
}
