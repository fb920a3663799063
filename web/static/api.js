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

async function post(body, token) {
  const headers = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch("/graphql", { method: "POST", headers, body: JSON.stringify(body) });
  } catch {
    throw new ServiceError(
      "The peergraph service cannot be reached. Check that it is running, then try again.",
      "UNREACHABLE",
    );
  }
}

// The data of a request. An error that left a top-level field null (Neo4j down, a timeout,
// bad input) throws; an error deeper down only leaves a gap, and the rest is shown.
async function graphql(body, token) {
  const response = await post(body, token);
  let payload;
  try {
    payload = await response.json();
  } catch {
    throw new ServiceError(`The service answered ${response.status} without a GraphQL response.`, "BAD_RESPONSE");
  }
  const fatal = payload.errors?.find((e) => payload.data?.[e.path?.[0]] == null);
  if (fatal) throw failure(fatal);
  if (payload.errors?.length) console.warn("partial GraphQL errors", payload.errors);
  return payload.data;
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
  const sha256Hash = HASHES[operationName];
  if (!sha256Hash) throw new ServiceError(`The page has no ${operationName} query: reload the page.`, "BAD_RESPONSE");
  const body = { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } };
  try {
    return await graphql(body, token);
  } catch (error) {
    if (error.code !== "PERSISTED_QUERY_NOT_FOUND") throw error;
    return graphql({ ...body, query: await documentText(operationName) }, token);
  }
}
