// How many works and followers each researcher has (degree look-ups: constant time).
// The page's other counts come with the lists they count: topics from
// list_researcher_topics, close collaborators from list_coauthors.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, works, followers.
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, COUNT { (r)-[:AUTHORED]->(:Work) } AS works, COUNT { (:User)-[:FOLLOWS]->(r) } AS followers
