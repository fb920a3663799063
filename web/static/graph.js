// The explorer slice drawn with cytoscape.js: kinds by shape and colour, weights by size.

import { h } from "./dom.js";

export const KINDS = {
  RESEARCHER: { name: "Researcher", shape: "ellipse", color: "#2f6fdf" },
  WORK: { name: "Work", shape: "round-rectangle", color: "#e08a1e" },
  TOPIC: { name: "Topic", shape: "diamond", color: "#2e9e5b" },
  INSTITUTION: { name: "Institution", shape: "hexagon", color: "#8a4fc7" },
};

const EDGES = {
  AUTHORED: { name: "authored", style: "solid", color: "#9aa7bd" },
  HAS_TOPIC: { name: "has topic", style: "dashed", color: "#7cc49a" },
  HAS_INSTITUTION: { name: "stated institution", style: "dotted", color: "#b79ad9" },
  AFFILIATED_WITH: { name: "was at", style: "solid", color: "#8a4fc7" },
  CITES: { name: "cites", style: "solid", color: "#e0a35e" },
  COAUTHOR: { name: "co-authors", style: "solid", color: "#2f6fdf" },
  WORKS_ON: { name: "works on", style: "dashed", color: "#2e9e5b" },
  NEARBY: { name: "co-author's work", style: "dotted", color: "#9aa7bd" },
  RELATED: { name: "related", style: "dashed", color: "#c2c9d6" },
  ACTIVE_IN: { name: "co-occurs", style: "dashed", color: "#7cc49a" },
  COLLABORATES: { name: "collaborates", style: "dotted", color: "#b79ad9" },
};
const edgeKind = (kind) => EDGES[kind] ?? { name: kind.toLowerCase(), style: "solid", color: "#c2c9d6" };


function swatch(kind) {
  const points = {
    ellipse: null,
    "round-rectangle": "2,4 14,4 14,12 2,12",
    diamond: "8,1 15,8 8,15 1,8",
    hexagon: "4,2 12,2 16,8 12,14 4,14 0,8",
  }[kind.shape];
  const shape = points
    ? `<polygon points="${points}" fill="${kind.color}"/>`
    : `<circle cx="8" cy="8" r="7" fill="${kind.color}"/>`;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.innerHTML = shape; // constant markup from the table above, never data
  return svg;
}

// The legend names the node kinds, and the edge kinds the slice on screen holds.
export function legend(slice) {
  const kinds = Object.values(KINDS).map((k) => h("span", {}, swatch(k), k.name));
  const present = [...new Set(slice.edges.map((e) => e.kind))].sort();
  const edges = present.map(edgeKind).map((e) =>
    h("span", {}, h("i", { style: `display:inline-block;width:18px;border-top:2px ${e.style} ${e.color}` }), e.name));
  return h("div", { class: "legend", "aria-label": "Legend" }, ...kinds, ...edges, h("span", { class: "muted" }, "size: relevance to the centre"));
}

const short = (text, n = 32) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

const STYLE = [
  { selector: "node", style: {
    shape: (n) => KINDS[n.data("kind")].shape, "background-color": (n) => KINDS[n.data("kind")].color,
    width: "mapData(weight, 0, 1, 14, 46)", height: "mapData(weight, 0, 1, 14, 46)",
    label: "data(short)", "font-size": 9, color: "#1d2330", "text-valign": "bottom", "text-margin-y": 3,
    "text-background-color": "#fff", "text-background-opacity": 0.7,
  } },
  { selector: "node.center", style: { width: 56, height: 56, "border-width": 4, "border-color": "#1d2330", "font-size": 12, "font-weight": "bold" } },
  { selector: "node.path", style: { "border-width": 4, "border-color": "#d81b60" } },
  { selector: "edge", style: {
    width: "mapData(weight, 0, 1, 1, 4)", "line-color": (e) => edgeKind(e.data("kind")).color,
    "line-style": (e) => edgeKind(e.data("kind")).style, "curve-style": "straight", opacity: 0.8,
  } },
  { selector: "edge.path", style: { "line-color": "#d81b60", width: 4, opacity: 1 } },
];

function elements(slice) {
  const nodes = slice.nodes.map((n) => ({
    group: "nodes", classes: n.nodeId === slice.center.id ? "center" : "",
    data: { id: n.nodeId, kind: n.kind, label: n.label, short: short(n.label), weight: n.weight },
  }));
  const edges = slice.edges.map((e) => ({
    group: "edges", data: { id: `${e.source}|${e.kind}|${e.target}`, source: e.source, target: e.target, kind: e.kind, weight: e.weight },
  }));
  return [...nodes, ...edges];
}

// The slice's centre in the middle, the rest in rings by relevance.
const LAYOUT = {
  name: "concentric", animate: false, minNodeSpacing: 18, avoidOverlap: true,
  concentric: (n) => (n.hasClass("center") ? 100 : n.hasClass("path") ? 50 : Math.round(n.data("weight") * 10)),
  levelWidth: () => 2,
};

// Cytoscape measures its container when it starts: it is made on the first draw, once the
// container is in the page.
export function createGraph(container, { onPick, onHover }) {
  let cy;
  function start() {
    cy = window.cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 3 });
    cy.on("tap", "node", (event) => onPick(event.target.id(), event.target.data()));
    cy.on("mouseover", "node", (event) => onHover(event.target.data()));
    window.peergraphGraph = cy; // for the browser tests, which click nodes where they are drawn
  }

  function describe(center) {
    const kinds = [...new Set(cy.nodes().map((n) => n.data("kind")))].sort();
    Object.assign(container.dataset, { center, kinds: kinds.join(","), nodes: String(cy.nodes().length) });
  }

  return {
    show(slice) {
      if (!cy) start();
      cy.elements().remove();
      cy.add(elements(slice));
      cy.layout(LAYOUT).run();
      describe(slice.center.id);
    },
    // A connection path drawn over the slice: missing people and works are added.
    showPath(steps) {
      cy.elements().removeClass("path");
      steps.forEach((step, i) => {
        const r = step.researcher;
        if (cy.getElementById(r.id).empty()) cy.add({ group: "nodes", data: { id: r.id, kind: "RESEARCHER", label: r.name, short: short(r.name), weight: 0.5 } });
        cy.getElementById(r.id).addClass("path");
        if (!step.via) return;
        const w = step.via;
        if (cy.getElementById(w.id).empty()) cy.add({ group: "nodes", data: { id: w.id, kind: "WORK", label: w.title ?? w.id, short: short(w.title ?? w.id), weight: 0.3 } });
        cy.getElementById(w.id).addClass("path");
        for (const a of [steps[i - 1].researcher.id, r.id]) {
          const id = `${a}|AUTHORED|${w.id}`;
          if (cy.getElementById(id).empty()) cy.add({ group: "edges", data: { id, source: a, target: w.id, kind: "AUTHORED", weight: 0.5 } });
          cy.getElementById(id).addClass("path");
        }
      });
      cy.layout(LAYOUT).run();
      describe(container.dataset.center);
    },
  };
}
