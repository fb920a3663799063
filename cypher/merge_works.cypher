// Creates or updates works with their authorships, topics, institutions and references.
// Idempotent: a re-run reaches the same graph, and a newer version of a work replaces its
// edges. Authorships are merged, so what an owner added to one (confirmed) survives; a work's
// topic, institution and reference edges are deleted and created afresh, which costs less
// than merging each (no existence check per edge) and drops what the work no longer lists.
// Researchers, topics and institutions that do not exist yet are created with the name the
// work gives them; referenced works that are not imported yet become bare (:Work {id}) nodes
// until they are.
// Co-author pairs (COAUTHORED {works, latestYear, lo, hi, rank}, from the smaller researcher id
// lo to the larger hi; rank = -(works * 10000 + latestYear), list_coauthors' index key, set
// again wherever works or latestYear change)
// count the works with at most $maxPairAuthors authors (w.coauthorPairs says whether a work is
// one): a paper of thousands of authors makes no collaborators, and would make millions of
// pairs in one transaction. They follow each work's change in the same statement, from its authors and year before and after:
// a pair gaining the work adds 1 and raises latestYear to its year; a pair losing it subtracts 1
// (a pair at 0 is deleted) and reads its remaining shared works again only when the work held
// its latestYear; when only the year changed, the pairs of its authors move with it. A work
// whose authors and year did not change touches no pair. Each researcher's closeCoauthors (how
// many of its pairs share 2+ works, CLOSE_MIN_SHARED in loaders/researchers.py) follows its
// pairs crossing 2.
// Topic shares (STUDIES {works}: how many of a researcher's works carry a topic) follow each
// work's change the same way, from its authors and topics before and after: an author who came
// adds 1 to each of the work's topics, one who went subtracts 1 from each it had, and an author
// who stayed adds 1 for each topic that came and subtracts 1 for each that went (a share at 0
// is deleted). A work whose authors and topics did not change touches no share.
// The rows must have distinct ids (the importer sends a repeated work in a
// statement of its own).
// Parameters: $maxPairAuthors: int, $rows: [{id, title, abstract, year, type, venue, doi, arxivId, citedByCount,
//   authorships: [{authorId, name, orcid, position, authorPosition, rawName, corresponding, institutionIds}],
//   topics: [{id, name, subfield, field, domain, score}] (distinct ids),
//   institutions: [{id, name, country, type, ror, domain}] (distinct ids), references: [id] (distinct)}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (w:Work {id: row.id})
WITH w, row, coalesce(w.year, 0) AS yearBefore, coalesce(w.coauthorPairs, false) AS pairedBefore,
     COLLECT { MATCH (a:Researcher)-[:AUTHORED]->(w) RETURN a } AS before,
     COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t } AS topicsBefore
SET w.coauthorPairs = size(row.authorships) <= $maxPairAuthors,
    w.title = row.title, w.abstract = row.abstract, w.year = row.year, w.type = row.type,
    w.venue = row.venue, w.doi = row.doi, w.arxivId = row.arxivId,
    w.citedByCount = row.citedByCount
WITH w, row, yearBefore, pairedBefore, before, topicsBefore
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
      e.corresponding = a.corresponding, e.institutionIds = a.institutionIds, e.orcid = a.orcid
}
CALL (w, yearBefore, pairedBefore, before) {
  WITH coalesce(w.year, 0) AS yearAfter, yearBefore, pairedBefore, w.coauthorPairs AS pairedAfter,
       before, COLLECT { MATCH (a:Researcher)-[:AUTHORED]->(w) RETURN a } AS after
  // Everyone who was or is an author in a counted work, with whether their pairs change: all
  // of them when the year moved, else only those who came or went.
  WITH yearBefore, yearAfter,
       [a IN CASE WHEN pairedBefore OR pairedAfter THEN before + [x IN after WHERE NOT x IN before]
             ELSE [] END |
         {node: a, was: pairedBefore AND a IN before, is: pairedAfter AND a IN after}] AS people
  WITH yearBefore, yearAfter,
       [p IN people | p {.*, changed: yearBefore <> yearAfter OR p.was <> p.is}] AS people
  // Each changed author takes its pairs with the unchanged ones and the later changed ones, so
  // every pair is visited once.
  UNWIND [i IN range(0, size(people) - 1) WHERE people[i].changed] AS i
  WITH yearBefore, yearAfter, people[i] AS a,
       [j IN range(0, size(people) - 1) WHERE j <> i AND (i < j OR NOT people[j].changed)
        | people[j]] AS others
  WITH yearBefore, yearAfter, a.node AS me,
       [b IN others WHERE (a.was AND b.was) OR (a.is AND b.is)
        | {node: b.node, was: a.was AND b.was, is: a.is AND b.is}] AS partners
  CALL (me, partners) {
    // A researcher with many pairs for a few partners (a prolific author on a small work):
    // each pair found from its end with fewer pairs.
    WITH me, partners WHERE COUNT { (me)-[:COAUTHORED]-() } > 8 * size(partners)
    UNWIND partners AS b
    WITH b, CASE WHEN me.id < b.node.id THEN me ELSE b.node END AS lo,
         CASE WHEN me.id < b.node.id THEN b.node ELSE me END AS hi
    MERGE (lo)-[c:COAUTHORED]->(hi)
    ON CREATE SET c.works = 0, c.latestYear = 0, c.lo = lo.id, c.hi = hi.id
    RETURN b, lo, hi, c
  UNION
    // Otherwise (a long author list): the researcher's pairs read once, the missing created.
    WITH me, partners WHERE COUNT { (me)-[:COAUTHORED]-() } <= 8 * size(partners)
    WITH me, partners, COLLECT {
      MATCH (me)-[c:COAUTHORED]-(o) WHERE o IN [b IN partners | b.node]
      RETURN {node: o, pair: c}
    } AS found
    UNWIND partners AS b
    WITH me, b, head([f IN found WHERE f.node = b.node | f.pair]) AS existing
    WITH b, existing, CASE WHEN me.id < b.node.id THEN me ELSE b.node END AS lo,
         CASE WHEN me.id < b.node.id THEN b.node ELSE me END AS hi
    CALL (lo, hi, existing) {
      WITH lo, hi WHERE existing IS NULL
      CREATE (lo)-[made:COAUTHORED {works: 0, latestYear: 0, lo: lo.id, hi: hi.id}]->(hi)
      RETURN made
    UNION
      WITH existing WHERE existing IS NOT NULL
      RETURN existing AS made
    }
    RETURN b, lo, hi, made AS c
  }
  WITH yearBefore, yearAfter, b.was AS was, b.is AS is, lo, hi, c, c.works AS worksBefore
  SET c.works = c.works + CASE WHEN is THEN 1 ELSE 0 END - CASE WHEN was THEN 1 ELSE 0 END,
      c.latestYear = CASE WHEN is AND yearAfter > c.latestYear THEN yearAfter ELSE c.latestYear END
  SET c.rank = -toFloat(c.works * 10000 + c.latestYear)
  WITH lo, hi, c, c.works = 0 AS gone,
       was AND (NOT is OR yearAfter < yearBefore) AND c.latestYear = yearBefore AS stale,
       CASE WHEN c.works >= 2 THEN 1 ELSE 0 END - CASE WHEN worksBefore >= 2 THEN 1 ELSE 0 END AS close
  CALL (lo, hi, close) {
    WITH lo, hi, close WHERE close <> 0
    SET lo.closeCoauthors = coalesce(lo.closeCoauthors, 0) + close,
        hi.closeCoauthors = coalesce(hi.closeCoauthors, 0) + close
  }
  CALL (c, gone) {
    WITH c WHERE gone
    DELETE c
  }
  CALL (lo, hi, c, gone, stale) {
    WITH lo, hi, c WHERE stale AND NOT gone
    MATCH (lo)-[:AUTHORED]->(x:Work)<-[:AUTHORED]-(hi) WHERE x.coauthorPairs
    WITH c, max(coalesce(x.year, 0)) AS latestYear
    SET c.latestYear = latestYear, c.rank = -toFloat(c.works * 10000 + latestYear)
  }
}
CALL (w, row) {
  UNWIND row.topics AS t
  MERGE (topic:Topic {id: t.id})
  ON CREATE SET topic.name = t.name, topic.subfield = t.subfield, topic.field = t.field,
                topic.domain = t.domain
  CREATE (w)-[:HAS_TOPIC {score: t.score}]->(topic)
}
CALL (w, before, topicsBefore) {
  WITH before, topicsBefore,
       COLLECT { MATCH (a:Researcher)-[:AUTHORED]->(w) RETURN a } AS after,
       COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t } AS topicsAfter
  // Every author and topic the work had or has, with whether it had and has them.
  WITH [a IN before + [x IN after WHERE NOT x IN before] |
         {node: a, was: a IN before, is: a IN after}] AS people,
       [t IN topicsBefore + [x IN topicsAfter WHERE NOT x IN topicsBefore] |
         {node: t, was: t IN topicsBefore, is: t IN topicsAfter}] AS topics
  // Only the pairs that can change: an author who came or went with every topic, and an
  // author who stayed with every topic that came or went.
  WITH [p IN people WHERE p.was <> p.is] AS movedPeople, [p IN people WHERE p.was AND p.is] AS kept,
       topics, [t IN topics WHERE t.was <> t.is] AS movedTopics
  CALL (movedPeople, kept, topics, movedTopics) {
    UNWIND movedPeople AS p
    UNWIND topics AS t
    RETURN p, t
  UNION ALL
    UNWIND kept AS p
    UNWIND movedTopics AS t
    RETURN p, t
  }
  WITH p.node AS a, t.node AS topic,
       CASE WHEN p.is AND t.is THEN 1 ELSE 0 END - CASE WHEN p.was AND t.was THEN 1 ELSE 0 END AS delta
  WHERE delta <> 0
  MERGE (a)-[s:STUDIES]->(topic)
  ON CREATE SET s.works = 0
  SET s.works = s.works + delta
  WITH s WHERE s.works = 0
  DELETE s
}
CALL (w, row) {
  UNWIND row.references AS ref
  MERGE (cited:Work {id: ref})
  CREATE (w)-[:CITES]->(cited)
}
