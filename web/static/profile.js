// The researcher profile's sections, laid out as the profile page is.

import { missing, run, session } from "./api.js";
import { errorBox, h, pageLink, plural, unavailable, words } from "./dom.js";
import { CLAIM, FOLLOW, INVITE, SPLIT, UNFOLLOW, WORKS_PAGE } from "./queries.js";

export function header(r) {
  return h("section", { class: "card", id: "profile" },
    h("p", { class: "eyebrow" }, "Researcher profile"),
    h("h1", {}, r.name),
    r.description ? h("p", {}, r.description) : null,
    h("div", { class: "chips" },
      h("span", { class: "chip" }, "Researcher"),
      h("span", { class: "chip" }, r.affiliation ? r.affiliation.name : "Affiliation not imported"),
      r.openToCollaborate ? h("span", { class: "chip good" }, "Open to collaborate") : null));
}

// splitResearcher takes at most this many work ids at once (resolvers/claims.py MAX_WORK_IDS).
const MAX_SPLIT = 500;

// For the record's owner or an admin: one click moves a suspected other person's works to a
// record of their own.
function splitButton(r, group, i) {
  const ids = group.works.map((w) => w.workId);
  const message = h("span", { class: "note", role: "status" });
  if (ids.length > MAX_SPLIT) {
    return h("p", { class: "muted" }, `More than ${MAX_SPLIT} works: split them in parts with splitResearcher.`);
  }
  const button = h("button", { id: `split-${i}` }, `Move these ${plural(ids.length, "work")} to a new record`);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const p = await mutate(SPLIT, { researcherId: r.id, workIds: ids }, "splitResearcher");
      const made = p.newResearcher;
      message.replaceChildren("Moved to a new record: ", pageLink(made.id, `${made.name} (${made.id})`));
    } catch (error) {
      message.replaceChildren(error.message);
      button.disabled = false;
    }
  });
  return h("p", {}, button, " ", message);
}

function identityWarning(r) {
  const identity = r.identity;
  if (identity.coherent) return null;
  const groups = identity.groups.map((g, i) =>
    h("li", {}, h("strong", {}, `Person ${i + 1}: `), plural(g.works.length, "work"),
      h("ul", { class: "evidence" }, g.evidence.map((e) => h("li", {}, e))),
      h("p", { class: "muted" }, g.works.map((w) => w.title ?? w.workId).join(" · ")),
      i > 0 && r.viewerCanSplit ? splitButton(r, g, i) : null));
  return h("details", { class: "warning", id: "identity" },
    h("summary", {}, `These works look like ${identity.suspectedPeople} different people`),
    h("ul", {}, groups));
}

function trustDetails(t) {
  const components = t.components.map((c) =>
    h("li", {}, h("span", {}, c.name), h("strong", {}, `${c.points}/${c.max}`), h("span", { class: "muted" }, c.reason)));
  return h("details", {}, h("summary", {}, "How the trust score is made"), h("ul", { class: "components" }, components));
}

function countsRow(c) {
  const counts = [["works", c.works], ["followers", c.followers], ["topics", c.topics], ["close collaborators", c.closeCollaborators]];
  return h("div", { class: "counts" }, counts.map(([name, n]) => h("div", { "data-count": name }, h("strong", {}, String(n)), h("span", {}, name))));
}

// Each part is read by a statement of its own and may fail alone: what did not arrive says so.
export function trust(r, errors = []) {
  const t = r.trust;
  const gap = (part, what) => unavailable(what, missing(r[part], errors, ["researcher", part]));
  return h("section", { class: "card", id: "trust" },
    h("p", { class: "eyebrow" }, "Trust snapshot"),
    h("h2", {}, "Quick read"),
    h("div", { class: "chips" },
      t ? h("span", { class: "chip" }, `Trust ${t.score} - ${words(t.tier)}`) : null,
      h("span", { class: "chip" }, `Verification ${r.verification}`),
      h("span", { class: "chip" }, r.claimed ? "Claimed author" : "Unclaimed author")),
    t ? trustDetails(t) : gap("trust", "The trust score"),
    r.counts ? countsRow(r.counts) : gap("counts", "The counts"),
    r.identity ? identityWarning(r) : gap("identity", "The identity check"));
}

const signInHint = (what) => h("p", { class: "note" }, `Sign in to ${what}: open the sign-in link make run prints, and confirm.`);

async function mutate(operationName, input, payloadName) {
  const data = await run(operationName, { input });
  const payload = data[payloadName];
  if (payload.userErrors.length) throw new Error(payload.userErrors.map((e) => e.message).join("; "));
  return payload;
}

export function follow(r) {
  // Unknown (it failed to load): offered as not followed; following twice changes nothing.
  let follows = r.viewerFollows ?? false;
  const message = h("p", { class: "note", role: "status" });
  const button = h("button", { id: "follow" });
  const label = (n) => (button.textContent = `${follows ? "Following" : "Follow researcher"} ${n ?? ""}`.trim());
  label(r.counts?.followers);
  button.addEventListener("click", async () => {
    if (!session.token()) return message.replaceChildren(signInHint("follow").textContent);
    button.disabled = true;
    try {
      const p = await mutate(follows ? UNFOLLOW : FOLLOW, { researcherId: r.id }, follows ? "unfollowResearcher" : "followResearcher");
      follows = p.researcher.viewerFollows;
      label(p.researcher.counts?.followers);
      message.replaceChildren();
    } catch (error) {
      message.replaceChildren(error.message);
    } finally {
      button.disabled = false;
    }
  });
  return h("section", { class: "card", id: "actions" },
    h("p", { class: "eyebrow" }, "Actions"), h("h2", {}, "Decide how to stay connected"), button, message);
}

function claimPart(r) {
  const message = h("p", { class: "note", role: "status" });
  if (r.claimed) return h("div", {}, h("h3", {}, "Claimed"), h("p", {}, "A researcher has shown this author record is theirs."));
  const signedIn = Boolean(session.token());
  // The service says whether a claim would be taken (null: it could not tell; offer it).
  const refused = signedIn && r.viewerCanClaim === false;
  const button = h("button", { id: "claim", disabled: !signedIn || refused }, signedIn ? "Claim this author" : "Log in to claim");
  if (refused) message.replaceChildren("You cannot claim this record now: you own a record already, or have a claim waiting on it, or as many claims waiting as allowed.");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const p = await mutate(CLAIM, { researcherId: r.id }, "claimResearcher");
      message.replaceChildren(p.claim.status === "APPROVED" ? "Claimed: this record is now yours." : "Claim sent: an admin will review it.");
    } catch (error) {
      message.replaceChildren(error.message);
      button.disabled = false;
    }
  });
  return h("div", {},
    h("p", {}, "Claiming links this public author record to a researcher profile and unlocks direct collaboration workflows."),
    button, signedIn ? null : signInHint("claim"), message);
}

function invitePart(r) {
  const intro = h("h3", {}, "Direct collaboration");
  if (!r.claimed) return h("div", {}, intro, h("p", { class: "muted" }, "Claim this author entity first to unlock direct invitations."));
  if (!r.openToCollaborate) return h("div", {}, intro, h("p", { class: "muted" }, "This researcher is not open to collaboration invitations."));
  if (!session.token()) return h("div", {}, intro, signInHint("invite"));
  if (r.viewerIsOwner) return h("div", {}, intro, h("p", { class: "muted" }, "This is your record: invitations to it reach you."));
  if (r.viewerCanInvite === false) return h("div", {}, intro, h("p", { class: "muted" }, "You have an invitation waiting with this researcher, or sent as many as today allows."));
  const text = h("textarea", { rows: 3, maxlength: 2000, placeholder: "What would you like to work on together?" });
  const message = h("p", { class: "note", role: "status" });
  const send = h("button", {}, "Send invitation");
  send.addEventListener("click", async () => {
    try {
      await mutate(INVITE, { researcherId: r.id, message: text.value }, "inviteToCollaborate");
      message.replaceChildren("Invitation sent.");
      text.value = "";
    } catch (error) {
      message.replaceChildren(error.message);
    }
  });
  return h("div", {}, intro, h("p", {}, "Open a focused conversation when the fit is right."), text, send, message);
}

export function collaboration(r) {
  return h("section", { class: "card", id: "collaboration" },
    h("p", { class: "eyebrow" }, "Identity and collaboration"), h("h2", {}, "How to connect with this researcher"),
    claimPart(r), invitePart(r));
}

function workItem(w) {
  const abstract = w.abstract ? h("p", { class: "abstract" }, w.abstract) : null;
  abstract?.addEventListener("click", () => abstract.classList.toggle("open"));
  const authors = w.authors.map((a, i) => [i ? ", " : "", pageLink(a.researcher.id, a.researcher.name)]);
  return h("li", { "data-work": w.id },
    h("div", { class: "meta" }, h("span", {}, w.type ? words(w.type) : "Work"), h("span", {}, w.year ?? ""), h("span", {}, w.venue ?? "")),
    h("h3", {}, pageLink(w.id, w.title ?? w.id)),
    h("div", { class: "authors" }, authors),
    abstract);
}

export function works(r, errors = []) {
  if (!r.works) {
    return h("section", { class: "card", id: "works-card" }, h("p", { class: "eyebrow" }, "Published work"),
      unavailable("The works", missing(r.works, errors, ["researcher", "works"])));
  }
  const list = h("ul", { class: "works", id: "works" }, r.works.edges.map((e) => workItem(e.node)));
  const more = h("button", { class: "secondary", id: "more-works" }, "Load more");
  const message = h("p", { class: "note", role: "status" });
  let page = r.works.pageInfo;
  more.hidden = !page.hasNextPage;
  more.addEventListener("click", async () => {
    more.disabled = true;
    message.replaceChildren();
    try {
      const data = await run(WORKS_PAGE, { id: r.id, after: page.endCursor });
      const next = data.researcher.works;
      list.append(...next.edges.map((e) => workItem(e.node)));
      page = next.pageInfo;
      more.hidden = !page.hasNextPage;
    } catch (error) {
      message.replaceChildren(errorBox(error));
    } finally {
      more.disabled = false;
    }
  });
  return h("section", { class: "card" },
    h("p", { class: "eyebrow" }, "Published work"), h("h2", {}, `${r.works.totalCount} published item(s)`),
    list, more, message);
}
