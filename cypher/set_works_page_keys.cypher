// Keeps the index keys of the works pages (list_works_page) on each edge from a work to the
// node that lists it: AUTHORED (a researcher's works), HAS_TOPIC (a topic's), HAS_INSTITUTION
// (an institution's). Each edge holds owner (the researcher's, topic's or institution's id),
// workId, and one ascending sort key per order, with missing values last:
//   yearDesc = -year, yearAsc = year, citedByDesc = -citedByCount.
// get_identity_inputs (the latest works) and explore_neighbourhood (the most cited) read the
// same keys.
// The rule lives here and nowhere else. Every statement that creates or moves such an edge, or
// changes a work's year or citations, runs this one after it in the same transaction
// (CypherRunner.write_together): merge_works (its works), merge_away_works (the surviving
// works), merge_away_researchers, merge_away_topics, merge_away_institutions (the survivors)
// and split_researcher (the new record). Keys that are already right stay as they are, so a
// refresh that changes nothing writes nothing.
// Parameters: $workIds: [string] (every edge of these works), $ownerIds: [string] (every
//   edge of these researchers, topics and institutions)
// Returns: nothing.
CALL () {
  UNWIND $workIds AS id
  MATCH (w:Work {id: id})-[e:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-(o)
  RETURN e, w, o
  UNION
  UNWIND $ownerIds AS id
  CALL (id) {
    MATCH (o:Researcher {id: id}) RETURN o
    UNION
    MATCH (o:Topic {id: id}) RETURN o
    UNION
    MATCH (o:Institution {id: id}) RETURN o
  }
  MATCH (o)-[e:AUTHORED|HAS_TOPIC|HAS_INSTITUTION]-(w:Work)
  RETURN e, w, o
}
WITH e, {owner: o.id, workId: w.id,
         yearDesc: -toFloat(coalesce(w.year, -1e9)),
         yearAsc: toFloat(coalesce(w.year, 1e9)),
         citedByDesc: -toFloat(coalesce(w.citedByCount, -1))} AS keys
WHERE NOT coalesce(e.owner = keys.owner AND e.workId = keys.workId
                   AND e.yearDesc = keys.yearDesc AND e.yearAsc = keys.yearAsc
                   AND e.citedByDesc = keys.citedByDesc, false)
SET e += keys
