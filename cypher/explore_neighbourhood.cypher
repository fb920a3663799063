// The research-graph slice around one or more centre nodes of any kind: the nodes most
// relevant to the centre, and the edges among them.
//
// Relevance, by centre kind (every step caps its fan-out inside the query, so a topic with
// 100,000 works or a researcher with 5,000 costs no more than an ordinary node):
//   Researcher  - their works (most cited, then newest; at most $fanout), co-authors on those
//                 works ranked by shared works (COAUTHOR), their topics ranked by how many of
//                 their works carry each (WORKS_ON), the institutions they were at (affiliations
//                 and the institutions stated on their authorships; AFFILIATED), and nearby
//                 papers: co-authors' other works, ranked by how many co-authors wrote each (NEARBY).
//   Work        - its authors, topics, institutions, the works it cites and the works citing it,
//                 and related works sharing its topics (the first $scan found per topic).
//   Topic       - the first $scan works carrying it, best score first; their authors ranked by
//                 works among those; topics co-occurring on them; their institutions.
//   Institution - researchers affiliated with it, the first $scan works stating it, their topics,
//                 and institutions co-occurring on those works.
// Selection: candidates are ranked by weight within each kind and then taken round-robin
// across kinds (best of each kind first), so every kind shows; at most $limit nodes including
// the centre. Weights are normalised to 0..1 within a kind; the centre weighs 1.
// Edges: the centre to each node it reached (kind says how: AUTHORED, COAUTHOR, WORKS_ON,
// AFFILIATED, NEARBY, HAS_TOPIC, HAS_INSTITUTION, CITES, CITED_BY, RELATED, ...), plus every
// stored relationship between two other selected nodes.
//
// Parameters: $centers: [string] (ids), $limit: int, $kinds: [string] (RESEARCHER, WORK, TOPIC,
//   INSTITUTION: the kinds to include besides the centre), $fanout: int, $scan: int
// Returns: one row per centre that exists: centerId,
//   nodes: [{id, kind, label, weight}] (centre first), edges: [{source, target, kind, score}]:
//   the centre's edges first, each from the centre, named after the step that reached the node
//   and scored with the raw weight the node was ranked by; then the edges between two others,
//   scored with their HAS_TOPIC score, else 1. loaders/explorer.py orients, names and weighs
//   each for the API.
UNWIND $centers AS centerId
CALL (centerId) {
  MATCH (c:Researcher {id: centerId}) RETURN c
  UNION
  MATCH (c:Work {id: centerId}) RETURN c
  UNION
  MATCH (c:Topic {id: centerId}) RETURN c
  UNION
  MATCH (c:Institution {id: centerId}) RETURN c
}
CALL (c) {
  WITH c WHERE c:Researcher
  // COLLECT subqueries keep the centre's row even when a step finds nothing.
  // Their works come from an index already in that order (the works pages' keys: citedByDesc,
  // yearDesc, missing values last), so a researcher with 8,000 works costs what one with 50 does.
  WITH c, COLLECT {
    MATCH ()-[a:AUTHORED]->() USING INDEX a:AUTHORED(owner, citedByDesc, yearDesc, workId)
    WHERE a.owner = c.id AND a.citedByDesc IS NOT NULL AND a.yearDesc IS NOT NULL
      AND a.workId IS NOT NULL
    WITH a ORDER BY a.owner, a.citedByDesc, a.yearDesc, a.workId LIMIT $fanout
    RETURN {work: endNode(a), authorship: a}
  } AS mine
  WITH c, [m IN mine | m.work] AS works, [m IN mine | m.authorship] AS authorships
  CALL (c, works) {
    UNWIND works AS w
    CALL (w, c) {
      MATCH (w)<-[:AUTHORED]-(p:Researcher) WHERE p <> c
      RETURN p LIMIT $fanout
    }
    WITH p, count(*) AS shared ORDER BY shared DESC, p.id LIMIT $fanout
    RETURN collect({node: p, kind: 'RESEARCHER', weight: toFloat(shared), via: 'COAUTHOR'}) AS people
  }
  CALL (works) {
    UNWIND works AS w
    MATCH (w)-[:HAS_TOPIC]->(t:Topic)
    WITH t, count(*) AS n ORDER BY n DESC, t.id LIMIT $fanout
    RETURN collect({node: t, kind: 'TOPIC', weight: toFloat(n), via: 'WORKS_ON'}) AS topics
  }
  CALL (c, authorships) {
    CALL (c, authorships) {
      MATCH (c)-[:AFFILIATED_WITH]->(i:Institution) RETURN i, 2 AS n
      UNION ALL
      UNWIND authorships AS a
      UNWIND coalesce(a.institutionIds, []) AS iid
      MATCH (i:Institution {id: iid}) RETURN i, 1 AS n
    }
    WITH i, sum(n) AS n ORDER BY n DESC, i.id LIMIT $fanout
    RETURN collect({node: i, kind: 'INSTITUTION', weight: toFloat(n), via: 'AFFILIATED'}) AS institutions
  }
  CALL (c, works, people) {
    UNWIND people[0..10] AS person
    WITH person.node AS p
    CALL (p) {
      MATCH (p)-[:AUTHORED]->(w2:Work) RETURN w2 LIMIT $fanout
    }
    WITH w2 WHERE NOT w2 IN works
    WITH w2, count(*) AS n ORDER BY n DESC, w2.id LIMIT $fanout
    RETURN collect({node: w2, kind: 'WORK', weight: toFloat(n) / 2, via: 'NEARBY'}) AS nearby
  }
  RETURN [w IN works | {node: w, kind: 'WORK', weight: 1.0 + toFloat(coalesce(w.citedByCount, 0)) / 1e6, via: 'AUTHORED'}]
         + people + topics + institutions + nearby AS candidates
  UNION
  WITH c WHERE c:Work
  CALL (c) {
    MATCH (c)<-[a:AUTHORED]-(p:Researcher)
    WITH p, a ORDER BY a.position LIMIT $fanout
    RETURN collect({node: p, kind: 'RESEARCHER', weight: 1.0 / coalesce(a.position, 1), via: 'AUTHORED'}) AS authors
  }
  CALL (c) {
    MATCH (c)-[h:HAS_TOPIC]->(t:Topic)
    RETURN collect({node: t, kind: 'TOPIC', weight: coalesce(h.score, 0.5), via: 'HAS_TOPIC'}) AS topics
  }
  CALL (c) {
    MATCH (c)-[:HAS_INSTITUTION]->(i:Institution)
    RETURN collect({node: i, kind: 'INSTITUTION', weight: 1.0, via: 'HAS_INSTITUTION'}) AS institutions
  }
  CALL (c) {
    MATCH (c)-[:CITES]->(r:Work) WHERE r.title IS NOT NULL
    WITH r LIMIT $fanout
    RETURN collect({node: r, kind: 'WORK', weight: 1.0, via: 'CITES'}) AS references
  }
  CALL (c) {
    MATCH (c)<-[:CITES]-(r:Work)
    WITH r LIMIT $fanout
    RETURN collect({node: r, kind: 'WORK', weight: 1.0, via: 'CITED_BY'}) AS citing
  }
  CALL (c) {
    MATCH (c)-[:HAS_TOPIC]->(t:Topic)
    CALL (t, c) {
      MATCH (t)<-[:HAS_TOPIC]-(r:Work) WHERE r <> c
      RETURN r LIMIT $scan
    }
    WITH r, count(*) AS shared ORDER BY shared DESC, coalesce(r.citedByCount, 0) DESC, r.id
    LIMIT $fanout
    RETURN collect({node: r, kind: 'WORK', weight: toFloat(shared) / 2, via: 'RELATED'}) AS related
  }
  RETURN authors + topics + institutions + references + citing + related AS candidates
  UNION
  WITH c WHERE c:Topic
  WITH c, COLLECT {
    MATCH (c)<-[h:HAS_TOPIC]-(w:Work)
    WITH w, h LIMIT $scan
    WITH w, h ORDER BY coalesce(h.score, 0) DESC, coalesce(w.citedByCount, 0) DESC LIMIT $fanout
    RETURN {node: w, kind: 'WORK', weight: coalesce(h.score, 0.5), via: 'HAS_TOPIC'}
  } AS works
  CALL (works) {
    UNWIND works AS entry
    WITH entry.node AS w
    CALL (w) {
      MATCH (w)<-[:AUTHORED]-(p:Researcher) RETURN p LIMIT $fanout
    }
    WITH p, count(*) AS n ORDER BY n DESC, p.id LIMIT $fanout
    RETURN collect({node: p, kind: 'RESEARCHER', weight: toFloat(n), via: 'WORKS_ON'}) AS people
  }
  CALL (c, works) {
    UNWIND works AS entry
    WITH entry.node AS w
    MATCH (w)-[:HAS_TOPIC]->(t:Topic) WHERE t <> c
    WITH t, count(*) AS n ORDER BY n DESC, t.id LIMIT $fanout
    RETURN collect({node: t, kind: 'TOPIC', weight: toFloat(n), via: 'RELATED'}) AS topics
  }
  CALL (works) {
    UNWIND works AS entry
    WITH entry.node AS w
    MATCH (w)-[:HAS_INSTITUTION]->(i:Institution)
    WITH i, count(*) AS n ORDER BY n DESC, i.id LIMIT $fanout
    RETURN collect({node: i, kind: 'INSTITUTION', weight: toFloat(n), via: 'ACTIVE_IN'}) AS institutions
  }
  RETURN works + people + topics + institutions AS candidates
  UNION
  WITH c WHERE c:Institution
  WITH c, COLLECT {
    MATCH (c)<-[a:AFFILIATED_WITH]-(p:Researcher)
    WITH p, a LIMIT $scan
    WITH p, a ORDER BY coalesce(a.current, false) DESC, coalesce(a.until, 9999) DESC, p.id LIMIT $fanout
    RETURN {node: p, kind: 'RESEARCHER', weight: CASE WHEN a.current THEN 1.0 ELSE 0.5 END, via: 'AFFILIATED'}
  } AS people, COLLECT {
    MATCH (c)<-[:HAS_INSTITUTION]-(w:Work)
    WITH w LIMIT $scan
    WITH w ORDER BY coalesce(w.citedByCount, 0) DESC, coalesce(w.year, 0) DESC, w.id LIMIT $fanout
    RETURN w
  } AS works
  CALL (works) {
    UNWIND works AS w
    MATCH (w)-[:HAS_TOPIC]->(t:Topic)
    WITH t, count(*) AS n ORDER BY n DESC, t.id LIMIT $fanout
    RETURN collect({node: t, kind: 'TOPIC', weight: toFloat(n), via: 'ACTIVE_IN'}) AS topics
  }
  CALL (c, works) {
    UNWIND works AS w
    MATCH (w)-[:HAS_INSTITUTION]->(i:Institution) WHERE i <> c
    WITH i, count(*) AS n ORDER BY n DESC, i.id LIMIT $fanout
    RETURN collect({node: i, kind: 'INSTITUTION', weight: toFloat(n), via: 'COLLABORATES'}) AS institutions
  }
  RETURN [w IN works | {node: w, kind: 'WORK', weight: 1.0, via: 'HAS_INSTITUTION'}]
         + people + topics + institutions AS candidates
}
// Rank within each kind, then take the best of every kind in turn.
CALL (c, candidates) {
  UNWIND candidates AS cand
  WITH cand WHERE cand.kind IN $kinds AND cand.node <> c
  WITH cand.kind AS kind, cand.node AS n, max(cand.weight) AS weight, head(collect(cand.via)) AS via
  ORDER BY weight DESC, n.id
  WITH kind, collect({node: n, weight: weight, via: via}) AS ranked
  UNWIND range(0, size(ranked) - 1) AS rank
  WITH kind, ranked[rank] AS entry, rank, ranked[0].weight AS top
  ORDER BY rank, kind
  RETURN collect({node: entry.node, kind: kind, via: entry.via, raw: entry.weight,
                  weight: CASE WHEN top > 0 THEN entry.weight / top ELSE 1.0 END})[0..$limit - 1] AS picked
}
// The stored relationships among the picked nodes, each read from the side that has few: a
// work's authors, topics, institutions and references, a researcher's affiliations. Checking
// every pair instead expands both ends of each pair, and a hub among the picked (a prolific
// co-author, a big topic) then costs its whole degree once per other node: 170,000 db hits for
// the slice of a researcher with 5 works on the 100k graph.
CALL (picked) {
  WITH [p IN picked | p.node] AS nodes
  UNWIND nodes AS x
  CALL (x, nodes) {
    WITH x WHERE x:Work
    MATCH (x)-[rel:HAS_TOPIC|HAS_INSTITUTION|CITES]->(y) WHERE y IN nodes
    RETURN x AS source, y AS target, rel
    UNION ALL
    WITH x WHERE x:Work
    MATCH (x)<-[rel:AUTHORED]-(y) WHERE y IN nodes
    RETURN y AS source, x AS target, rel
    UNION ALL
    WITH x WHERE x:Researcher
    MATCH (x)-[rel:AFFILIATED_WITH]->(y) WHERE y IN nodes
    RETURN x AS source, y AS target, rel
  }
  // In the order of the picked nodes, source first: the order the slice always had.
  WITH nodes, source, target, rel
  ORDER BY [k IN range(0, size(nodes) - 1) WHERE nodes[k] = source][0],
           [k IN range(0, size(nodes) - 1) WHERE nodes[k] = target][0]
  RETURN collect({source: source.id, target: target.id, kind: type(rel),
                  score: toFloat(coalesce(rel.score, 1.0))}) AS among
}
WITH centerId, c, picked, among,
     CASE WHEN c:Researcher THEN 'RESEARCHER' WHEN c:Work THEN 'WORK'
          WHEN c:Topic THEN 'TOPIC' ELSE 'INSTITUTION' END AS centerKind
RETURN centerId,
       [{id: c.id, kind: centerKind, label: coalesce(c.name, c.title, c.id), weight: 1.0}]
       + [p IN picked | {id: p.node.id, kind: p.kind, label: coalesce(p.node.name, p.node.title, p.node.id),
                         weight: p.weight}] AS nodes,
       [p IN picked | {source: c.id, target: p.node.id, kind: p.via, score: toFloat(p.raw)}]
       + among AS edges
