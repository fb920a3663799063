// How many works, followers and topics each researcher has: degree look-ups, constant time
// however many there are (its plan expands no relationship: one getDegree per count in its
// Projection, checked by tests/test_cypher_contracts.py). The patterns name no label on the far node: the model guarantees it
// (AUTHORED always leads to a Work, FOLLOWS always comes from a User, STUDIES always leads to a
// Topic), and a label there would make the planner expand and check every relationship instead
// of reading the node's degree. topics counts the stored topic shares (STUDIES, one per topic
// the researcher's works carry); closeCoauthors is kept on the researcher with its co-author
// pairs (COAUTHORED). get_researchers returns the same counts with each researcher.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, works, followers, topics, closeCoauthors.
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, COUNT { (r)-[:AUTHORED]->() } AS works, COUNT { (r)<-[:FOLLOWS]-() } AS followers,
       COUNT { (r)-[:STUDIES]->() } AS topics, coalesce(r.closeCoauthors, 0) AS closeCoauthors
