// The shortest co-authorship path between two researchers, through at most 4 works.
// Parameters: $from: string, $to: string (researcher ids)
// Returns: zero or one row: hops (works on the path), path: [{id, kind, label}] in order.
MATCH (a:Researcher {id: $from}), (b:Researcher {id: $to})
MATCH p = shortestPath((a)-[:AUTHORED*..8]-(b))
RETURN length(p) / 2 AS hops,
       [n IN nodes(p) | {id: n.id, kind: CASE WHEN n:Work THEN 'WORK' ELSE 'RESEARCHER' END,
                         label: coalesce(n.name, n.title)}] AS path
