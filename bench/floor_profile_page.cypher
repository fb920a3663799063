// The benchmarks' floor: the data of the ProfilePage query without its explorer slice,
// written by hand as one statement. The service's page is measured against it.
// Parameters: $id: string
// Returns: one row: researcher, counts, closeCollaborators, topics, works, and the inputs of
//   the trust snapshot and identity check (the latest 1,000 works with co-authors, topics and
//   stated institutions), as the service reads them.
MATCH (r:Researcher {id: $id})
CALL (r) {
  MATCH (r)-[a:AUTHORED]->(w:Work)
  WITH w, a ORDER BY coalesce(w.year, 0) DESC, w.id LIMIT 1000
  RETURN collect({id: w.id, title: w.title, year: w.year, citedByCount: w.citedByCount,
                  confirmed: coalesce(a.confirmed, false),
                  coauthorIds: COLLECT { MATCH (w)<-[:AUTHORED]-(c:Researcher) WHERE c <> r RETURN c.id },
                  topics: COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t {.id, .name, .field} },
                  institutions: COLLECT { UNWIND coalesce(a.institutionIds, []) AS iid
                                          MATCH (i:Institution {id: iid}) RETURN i {.id, .name} }}) AS trustInputs
}
CALL (r) {
  OPTIONAL MATCH (r)-[a:AFFILIATED_WITH]->(i:Institution) WHERE a.current OR a.until IS NULL
  RETURN i {.id, .name} AS affiliation LIMIT 1
}
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher) WHERE c <> r
  WITH c, count(w) AS shared, max(coalesce(w.year, 0)) AS latest
  WITH c, shared, latest ORDER BY shared DESC, latest DESC, c.id
  RETURN count(CASE WHEN shared >= 2 THEN c END) AS close,
         [x IN collect(CASE WHEN shared >= 2 THEN {sharedWorks: shared, researcher: c {.id, .name}} END)][0..4] AS closeCollaborators
}
RETURN r {.id, .name, .description, .openToCollaborate, .verification, claimed: r.ownerId IS NOT NULL, affiliation: affiliation} AS researcher,
       {works: COUNT { (r)-[:AUTHORED]->() },
        followers: COUNT { (:User)-[:FOLLOWS]->(r) },
        topics: COUNT { MATCH (r)-[:AUTHORED]->()-[:HAS_TOPIC]->(t) RETURN DISTINCT t },
        closeCollaborators: close} AS counts,
       closeCollaborators,
       COLLECT {
         MATCH (r)-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic)
         WITH t, count(*) AS n ORDER BY n DESC, t.id LIMIT 9
         RETURN {works: n, topic: t {.id, .name}}
       } AS topics,
       COLLECT {
         MATCH (r)-[:AUTHORED]->(w:Work)
         WITH w ORDER BY coalesce(w.year, -1e9) DESC, w.id LIMIT 20
         RETURN w {.id, .type, .year, .venue, .title, .abstract,
                   authors: COLLECT { MATCH (w)<-[e:AUTHORED]-(a:Researcher)
                                      WITH a, e ORDER BY e.position
                                      RETURN {position: e.position, researcher: a {.id, .name}} },
                   topics: COLLECT { MATCH (w)-[h:HAS_TOPIC]->(t:Topic)
                                     WITH t, h ORDER BY h.score DESC
                                     RETURN {topic: t {.name}} }}
       } AS works,
       trustInputs
