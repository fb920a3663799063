// Building DOM from data: text always goes in as text, never as markup.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return node;
}

export const status = (text) => h("div", { class: "status loading", role: "status" }, h("span", { class: "spinner" }), text);

export const errorBox = (error, retry) =>
  h("div", { class: "error", role: "alert" }, h("strong", {}, "Something went wrong. "), error.message, " ",
    retry ? h("button", { class: "secondary", onclick: retry }, "Try again") : null);

// In place of a part of the page that did not arrive: what, why, and what to do.
export const unavailable = (what, error) =>
  h("p", { class: "note unavailable", role: "status" }, `${what} could not be loaded: ${error.message} Reload the page to try again.`);

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const pageLink = (id, text) => h("a", { href: `/explore/${encodeURIComponent(id)}` }, text);

// An enum value as words: TRUSTED -> Trusted, BOOK_CHAPTER -> Book chapter.
export const words = (value) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
