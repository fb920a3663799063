// The shortest co-authorship path between two researchers: researcher, work, researcher, ...
// At most 6 hops are searched (the bound of a variable-length pattern cannot be a
// parameter); paths longer than $maxHops are not returned.
// Parameters: $from: string, $to: string (researcher ids), $maxHops: int (1..6)
// Returns: zero or one row: ids (the path's node ids in order, researchers at even positions).
MATCH (a:Researcher {id: $from}), (b:Researcher {id: $to})
MATCH p = shortestPath((a)-[:AUTHORED*..12]-(b))
WHERE length(p) <= 2 * $maxHops
RETURN [n IN nodes(p) | n.id] AS ids
