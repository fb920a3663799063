// Which of these researchers the user follows.
// Parameters: $userId: string, $ids: [string]
// Returns: one row per followed researcher: id.
UNWIND $ids AS id
MATCH (:User {id: $userId})-[:FOLLOWS]->(:Researcher {id: id})
RETURN id
