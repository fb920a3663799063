// Creates or updates works with their authorships, topics, institutions and references.
// Idempotent: a re-run reaches the same graph, and a newer version of a work replaces its
// edges. Authorships are merged, so what an owner added to one (verified) survives; a work's
// topic, institution and reference edges are deleted and created afresh, which costs less
// than merging each (no existence check per edge) and drops what the work no longer lists.
// Researchers, topics and institutions that do not exist yet are created with the name the
// work gives them; referenced works that are not imported yet become bare (:Work {id}) nodes
// until they are.
// Parameters: $rows: [{id, title, abstract, year, type, venue, doi, arxivId, citedByCount,
//   authorships: [{authorId, name, orcid, position, authorPosition, rawName, corresponding, institutionIds}],
//   topics: [{id, name, subfield, field, domain, score}] (distinct ids),
//   institutions: [{id, name, country, type, ror, domain}] (distinct ids), references: [id] (distinct)}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (w:Work {id: row.id})
SET w.title = row.title, w.abstract = row.abstract, w.year = row.year, w.type = row.type,
    w.venue = row.venue, w.doi = row.doi, w.arxivId = row.arxivId,
    w.citedByCount = row.citedByCount
WITH w, row
CALL (w, row) {
  MATCH (old:Researcher)-[e:AUTHORED]->(w)
  WHERE NOT old.id IN [a IN row.authorships | a.authorId]
  DELETE e
}
CALL (w) {
  MATCH (w)-[e:HAS_TOPIC|HAS_INSTITUTION|CITES]->()
  DELETE e
}
CALL (w, row) {
  UNWIND row.institutions AS inst
  MERGE (i:Institution {id: inst.id})
  ON CREATE SET i.name = inst.name, i.country = inst.country, i.type = inst.type, i.ror = inst.ror,
                i.domain = inst.domain
  CREATE (w)-[:HAS_INSTITUTION]->(i)
}
CALL (w, row) {
  UNWIND row.authorships AS a
  MERGE (r:Researcher {id: a.authorId})
  ON CREATE SET r.name = a.name, r.orcid = a.orcid
  MERGE (r)-[e:AUTHORED]->(w)
  SET e.position = a.position, e.authorPosition = a.authorPosition, e.rawName = a.rawName,
      e.corresponding = a.corresponding, e.institutionIds = a.institutionIds
}
CALL (w, row) {
  UNWIND row.topics AS t
  MERGE (topic:Topic {id: t.id})
  ON CREATE SET topic.name = t.name, topic.subfield = t.subfield, topic.field = t.field,
                topic.domain = t.domain
  CREATE (w)-[:HAS_TOPIC {score: t.score}]->(topic)
}
CALL (w, row) {
  UNWIND row.references AS ref
  MERGE (cited:Work {id: ref})
  CREATE (w)-[:CITES]->(cited)
}
