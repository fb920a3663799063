// How many works and followers each researcher has: degree look-ups, constant time however
// many there are. The patterns name no label on the far node: the model guarantees it (AUTHORED
// always leads to a Work, FOLLOWS always comes from a User), and a label there would make the
// planner expand and check every relationship instead of reading the node's degree.
// The page's other counts come with the lists they count: topics from
// list_researcher_topics, close collaborators from list_coauthors.
// Parameters: $ids: [string]
// Returns: one row per id that exists: id, works, followers.
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN id, COUNT { (r)-[:AUTHORED]->() } AS works, COUNT { (r)<-[:FOLLOWS]-() } AS followers
