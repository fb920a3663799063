// How many works each topic had per year: topic trends.
// Parameters: $topicIds: [string] (empty for every topic), $fromYear: int, $toYear: int
// Returns: topicId, topic, year, works; by topic, then year.
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WHERE (size($topicIds) = 0 OR t.id IN $topicIds) AND $fromYear <= w.year <= $toYear
RETURN t.id AS topicId, t.name AS topic, w.year AS year, count(w) AS works
ORDER BY topicId, year
