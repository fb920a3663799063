// One step of connectionPath's search (a capped bidirectional breadth-first search that
// resolvers/paths.py drives, one step per statement): the co-authors of the researchers in
// $frontier, each with one work they share. No variable-length pattern, so no plan with an
// exhaustive fallback: a step reads at most $limit authorships of the frontier and at most
// $limit co-authorships (each LIMIT stops the expansion under it, so a researcher with 20,000
// works costs what $limit of them do). A step whose rows reach $limit may have been cut short.
// The answer is one row (one record decodes far faster in the driver than thousands).
// Parameters: $frontier: [string] (researcher ids), $limit: int (>= 1)
// Returns: one row: rows (int, the co-authorship rows read, at most $limit),
//   reached ([{id, source, via, works}], one per co-author reached: its id, the frontier
//   researcher and the work linking them (the smallest [source, via] pair), and how many works
//   it authored: the cost of expanding from it).
UNWIND $frontier AS id
MATCH (r:Researcher {id: id})-[:AUTHORED]->(w:Work)
WITH r, w
LIMIT $limit
OPTIONAL MATCH (w)<-[:AUTHORED]-(n:Researcher)
  WHERE n <> r
WITH r, w, n
LIMIT $limit
WITH n, min([r.id, w.id]) AS link, count(*) AS rows
RETURN
  sum(rows) AS rows,
  collect(
    CASE
      WHEN n IS NOT NULL
        THEN {id: n.id, source: link[0], via: link[1], works: COUNT { (n)-[:AUTHORED]->() }}
    END
  ) AS reached
