// Talking to /graphql: one POST per request, a typed error for everything that is not data.

const TOKEN_KEY = "peergraph-token";

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

// A ?token= in the address (what `make run` prints) is kept for this browser and removed
// from the address bar, so it is not shared with the link.
export function adoptTokenFromAddress() {
  const url = new URL(location.href);
  const token = url.searchParams.get("token");
  if (!token) return;
  session.signIn(token);
  url.searchParams.delete("token");
  history.replaceState(null, "", url);
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

async function post(body) {
  const headers = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  const token = session.token();
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
export async function graphql(body) {
  const response = await post(body);
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

export const query = (text, variables = {}) => graphql({ query: text, variables });

export function persisted(hash, operationName, variables) {
  return graphql({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}
