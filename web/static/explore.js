// /explore/{id}: a researcher's profile page (or any node's page) with its graph slice.

import { failedAt, missing, run, runInParts, session, takeTokenFromAddress, unverifiedClaims } from "./api.js";
import { errorBox, h, pageLink, plural, status, unavailable, words } from "./dom.js";
import { KINDS, createGraph, legend } from "./graph.js";
import { collaboration, follow, header, trust, works } from "./profile.js";
import { CONNECTION_PATH, EXPLORE, FIND_RESEARCHERS, NODE_PAGE, PROFILE_PAGE, SIGN_IN_CHECK } from "./queries.js";

const app = document.getElementById("app");
const pageId = decodeURIComponent(location.pathname.replace(/^\/explore\/?/, ""));
// What the address names, as the service says (ids are opaque: the page never parses them).
const pageKind = document.querySelector('meta[name="page-kind"]').content;

// A claim fit for showing: a short string, or nothing.
function shown(value) {
  return typeof value === "string" || typeof value === "number" ? String(value).slice(0, 200) : null;
}

function sessionControls() {
  const box = document.getElementById("session");
  const token = session.token();
  if (token) {
    const claims = unverifiedClaims(token);
    const out = h("button", { class: "secondary" }, "Sign out");
    out.addEventListener("click", () => { session.signOut(); location.reload(); });
    const who = shown(claims.email) ?? shown(claims.sub);
    box.replaceChildren(h("span", { class: "muted" }, who ? `Signed in as ${who} ` : "Signed in "), out);
  } else {
    box.replaceChildren(h("span", { class: "muted" }, "Signed out"));
  }
}

// A sign-in link was opened. Whoever made it may not be this user (a link made by someone
// else would sign them in as that someone), so nothing is kept until they say yes: they see
// whose token it is, and the service must accept it. Cancel forgets it.
function offerSignIn(token) {
  const box = document.getElementById("signin");
  const claims = unverifiedClaims(token);
  const [sub, email] = [shown(claims.sub), shown(claims.email)];
  const confirm = h("button", { id: "signin-confirm" }, "Sign in");
  const cancel = h("button", { class: "secondary", id: "signin-cancel" }, "Cancel");
  const message = h("p", { class: "note", role: "status" });
  const close = () => { box.hidden = true; box.replaceChildren(); };
  cancel.addEventListener("click", close);
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    message.replaceChildren("Checking the sign-in with the service…");
    try {
      const data = await run(SIGN_IN_CHECK, {}, token);
      if (!data.viewer) throw new Error("the service did not recognise the token");
      session.signIn(token);
      close();
      sessionControls();
      start();
    } catch (error) {
      const refused = error.code === "UNAUTHENTICATED" || !error.code;
      message.replaceChildren(refused
        ? "The service refused this sign-in link, so you are not signed in. Ask for a fresh link (make run prints one)."
        : `${error.message} You are not signed in; try again.`);
      confirm.disabled = refused;
    }
  });
  box.replaceChildren(
    h("p", { class: "eyebrow" }, "Sign-in link"),
    h("h2", { id: "signin-title" }, `Sign in as ${email ?? sub ?? "an unnamed user"}?`),
    h("p", {}, "This page was opened with a sign-in link. Sign in only if you asked for this link yourself: " +
      "whatever you do here afterwards (follow, claim, invite) is done as this user."),
    h("dl", { class: "claims" },
      h("dt", {}, "User id"), h("dd", {}, sub ?? "none given"),
      h("dt", {}, "Email"), h("dd", {}, email ?? "none given")),
    h("p", { class: "note" }, "Read from the link itself and not yet checked: the service checks the token when you sign in."),
    h("div", { class: "buttons" }, confirm, cancel), message);
  box.hidden = false;
}

// The graph section: the slice around the page's node, re-centred on whatever is clicked.
// `failed`: why the slice did not arrive (drawn empty, with the reason over it).
function graphSection(initial, pageName, failed = null) {
  const container = h("div", { id: "graph", role: "img", "aria-label": "Research graph" });
  const overlay = h("div");
  const inspector = h("div", { class: "inspector", id: "inspector" });
  const legendBox = h("div");
  const graph = createGraph(container, { onPick: recenter, onHover: (d) => inspector.replaceChildren(describe(d)) });

  function describe(node) {
    return h("span", {}, h("strong", {}, `${KINDS[node.kind].name}: `), node.label, " · ", pageLink(node.id, "open its page"));
  }

  function centred(slice) {
    const found = slice.nodes.find((n) => n.nodeId === slice.center.id);
    const center = found && { id: found.nodeId, kind: found.kind, label: found.label };
    const back = h("button", { class: "secondary", id: "back" }, `Back to ${pageName}`);
    back.addEventListener("click", () => recenter(initial.center.id));
    inspector.replaceChildren(...[center && describe(center), slice.center.id !== initial.center.id && h("span", {}, " ", back)].filter(Boolean));
    legendBox.replaceChildren(legend(slice));
  }

  async function recenter(id) {
    if (id === container.dataset.center) return;
    overlay.replaceChildren(status("Re-centring the graph…"));
    try {
      const data = await run(EXPLORE, { center: id });
      if (!data.explorer) throw new Error(`Nothing in the graph has the id ${id}.`);
      graph.show(data.explorer);
      centred(data.explorer);
      overlay.replaceChildren();
    } catch (error) {
      overlay.replaceChildren(errorBox(error, () => recenter(id)));
    }
  }

  const section = h("section", { class: "card" },
    h("p", { class: "eyebrow" }, "Research graph"), h("h2", {}, "See it in context"),
    h("p", { class: "note" }, "Nearby papers, people, topics and institutions. Click a node to re-centre the graph on it."),
    legendBox, inspector, h("div", { class: "graph-wrap" }, container, overlay));
  // cytoscape measures its container, so the section must be in the page before drawing.
  const draw = () => {
    graph.show(initial);
    centred(initial);
    if (failed) overlay.replaceChildren(unavailable("The graph", failed));
  };
  return { section, draw, graph };
}

// Researchers found as the user types (debounced), rendered into `list`; only the answer to
// the latest text is shown.
function findAsYouType(input, list, render) {
  let timer;
  let asked = 0;
  async function find() {
    const text = input.value.trim();
    const ticket = ++asked;
    if (text.length < 2) return list.replaceChildren();
    try {
      const data = await run(FIND_RESEARCHERS, { search: text });
      if (ticket === asked) list.replaceChildren(...render(data.researchers.edges.map((e) => e.node)));
    } catch (error) {
      list.replaceChildren(h("li", {}, errorBox(error)));
    }
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(find, 200); });
}

// "How am I connected?": pick a second researcher, see the shortest chain of co-authored works.
function connectionSection(fromId, graph) {
  const input = h("input", { type: "search", id: "connect-search", placeholder: "Search a researcher by name", autocomplete: "off", "aria-label": "Researcher to connect to" });
  const suggestions = h("ul", { class: "suggestions", role: "listbox", id: "connect-suggestions" });
  const result = h("div", { id: "connection", role: "status" });
  findAsYouType(input, suggestions, (found) => {
    const people = found.filter((p) => p.id !== fromId);
    return people.length ? people.map(option) : [h("li", { class: "muted" }, "No researcher matches.")];
  });

  function option(person) {
    const detail = [person.affiliation?.name, plural(person.counts.works, "work")].filter(Boolean).join(", ");
    const button = h("button", { role: "option" }, person.name, h("span", { class: "muted" }, ` (${detail})`));
    button.addEventListener("click", () => connect(person));
    return h("li", {}, button);
  }

  async function connect(person) {
    suggestions.replaceChildren();
    input.value = person.name;
    result.replaceChildren(status(`Looking for a path to ${person.name}…`));
    try {
      const data = await run(CONNECTION_PATH, { from: fromId, to: person.id });
      const steps = data.connectionPath;
      if (!steps) return result.replaceChildren(h("p", {}, `No chain of co-authors links them within 4 steps.`));
      result.replaceChildren(h("p", {}, `${plural(steps.length - 1, "step")} apart:`), h("ol", { class: "path" }, steps.map(step)));
      graph.showPath(steps);
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  }

  const step = (s) => h("li", {}, s.via ? h("div", { class: "via" }, "co-authored ", pageLink(s.via.id, s.via.title ?? s.via.id)) : null,
    pageLink(s.researcher.id, s.researcher.name));

  return h("section", { class: "card" }, h("h2", {}, "How am I connected?"),
    h("p", { class: "note" }, "Pick another researcher to see the shortest chain of co-authored works between you."),
    input, suggestions, result);
}

function researcherPage(r, explorer, errors) {
  const g = graphSection(explorer ?? { center: { id: r.id }, nodes: [], edges: [] }, r.name, missing(explorer, errors, ["explorer"]));
  app.replaceChildren(header(r), trust(r, errors), follow(r), collaboration(r), g.section, connectionSection(r.id, g.graph), works(r, errors));
  g.draw();
}

function nodeHeader(node) {
  const kind = { Work: "WORK", Topic: "TOPIC", Institution: "INSTITUTION" }[node.__typename];
  const facts = {
    Work: () => [node.type && words(node.type), node.year, node.venue, node.arxivId && `arXiv ${node.arxivId}`].filter(Boolean).join(" · "),
    Topic: () => [node.domain, node.field, node.subfield, plural(node.counts.works, "work")].filter(Boolean).join(" · "),
    Institution: () => [node.institutionType && words(node.institutionType), node.country, plural(node.counts.works, "work"), plural(node.counts.researchers, "researcher")].filter(Boolean).join(" · "),
  }[node.__typename]();
  const authors = node.authors?.map((a, i) => [i ? ", " : "", pageLink(a.researcher.id, a.researcher.name)]);
  return h("section", { class: "card", id: "profile" },
    h("p", { class: "eyebrow" }, KINDS[kind].name),
    h("h1", {}, node.title ?? node.name ?? node.id),
    h("p", { class: "muted" }, facts),
    authors ? h("p", {}, authors) : null,
    node.abstract ? h("p", {}, node.abstract) : null);
}

function notFound(id) {
  app.replaceChildren(h("div", { class: "error", role: "alert" }, h("strong", {}, "Not found. "),
    `Nothing in the research graph has the id “${id}”. Check the address, or `, h("a", { href: "/explore" }, "search for a researcher"), "."));
}

// Only the latest load draws the page: signing in loads it again, perhaps mid-way.
let loads = 0;

async function load() {
  const ticket = ++loads;
  const superseded = () => ticket !== loads;
  app.replaceChildren(status("Loading the page…"));
  try {
    if (pageKind === "Researcher") {
      const { data, errors } = await runInParts(PROFILE_PAGE, { id: pageId });
      if (superseded()) return;
      if (data.researcher) return researcherPage(data.researcher, data.explorer, errors);
      const failed = failedAt(errors, ["researcher"]);
      if (failed) throw failed;
      return notFound(pageId);
    }
    const data = await run(NODE_PAGE, { id: pageId });
    if (superseded()) return;
    if (!data.node) return notFound(pageId);
    if (data.node.__typename === "Researcher") return location.replace(`/explore/${encodeURIComponent(data.node.id)}`);
    const g = graphSection(data.explorer, data.node.title ?? data.node.name);
    app.replaceChildren(nodeHeader(data.node), g.section);
    g.draw();
  } catch (error) {
    console.error(error);
    if (!superseded()) app.replaceChildren(errorBox(error, load));
  }
}

// /explore alone: find a researcher first.
function searchPage() {
  const input = h("input", { type: "search", id: "find", placeholder: "A researcher's name", autocomplete: "off", "aria-label": "Researcher name" });
  const list = h("ul", { class: "suggestions" });
  findAsYouType(input, list, (people) => people.map((p) => h("li", {}, pageLink(p.id, p.name))));
  app.replaceChildren(h("section", { class: "card" }, h("h1", {}, "Explore the research graph"), input, list));
}

function start() {
  if (pageId) load(); else searchPage();
}

// Out of the address before anything else runs, whatever the user answers.
const offered = takeTokenFromAddress();
sessionControls();
if (offered && offered !== session.token()) offerSignIn(offered);
start();
