// Applies OpenAlex merged ids for works: each merged-away work's authorships, topics,
// institutions and citations (both ways) move onto the surviving work, then it is removed.
// Idempotent: an id already merged is no longer there.
// Co-author pairs (COAUTHORED) follow in the same statement, for works that count for pairs
// (w.coauthorPairs, set from the work's own author list, see merge_works): the survivor's new authors add 1 to
// each of their pairs with its other authors (raising latestYear to its year); the merged-away
// work's pairs lose 1 (deleted at 0; latestYear read again from the remaining shared works only
// when this work held it), each pair's index keys (lo, hi, rank: see merge_works) following its
// works and latestYear. Each researcher's closeCoauthors (pairs sharing 2+ works) follows
// its pairs crossing 2.
// Topic shares (STUDIES {works}) follow too: two works become one, so for each author and topic
// of either, the share gains 1 for the survivor as it ends up (every author of either with
// every topic of either) and loses 1 for each of the two works that counted it before (deleted
// at 0).
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Work {id: row.id})
MERGE (new:Work {id: row.into})
WITH old, new WHERE old <> new
CALL (old, new) {
  WITH old, new, coalesce(old.year, 0) AS oldYear, coalesce(new.year, 0) AS newYear,
       COLLECT { MATCH (x:Researcher)-[:AUTHORED]->(old) RETURN x } AS gone,
       COLLECT { MATCH (x:Researcher)-[:AUTHORED]->(new) RETURN x } AS stay,
       COLLECT { MATCH (old)-[:HAS_TOPIC]->(t:Topic) RETURN t } AS oldTopics,
       COLLECT { MATCH (new)-[:HAS_TOPIC]->(t:Topic) RETURN t } AS newTopics
  CALL (gone, stay, oldTopics, newTopics) {
    UNWIND stay + [x IN gone WHERE NOT x IN stay] AS a
    UNWIND newTopics + [t IN oldTopics WHERE NOT t IN newTopics] AS t
    WITH a, t, 1 - CASE WHEN a IN stay AND t IN newTopics THEN 1 ELSE 0 END
                 - CASE WHEN a IN gone AND t IN oldTopics THEN 1 ELSE 0 END AS delta
    WHERE delta <> 0
    MERGE (a)-[s:STUDIES]->(t)
    ON CREATE SET s.works = 0
    SET s.works = s.works + delta
    WITH s WHERE s.works = 0
    DELETE s
  }
  // Topics move in this subquery, with the authors, so that a later row merging into this
  // survivor (or merging it away) reads the topics it has by then.
  CALL (old, new) {
    MATCH (old)-[e:HAS_TOPIC]->(x)
    MERGE (new)-[f:HAS_TOPIC]->(x) ON CREATE SET f = properties(e)
  }
  CALL (old, new) {
    MATCH (x)-[e:AUTHORED]->(old)
    MERGE (x)-[f:AUTHORED]->(new) ON CREATE SET f = properties(e)
    DELETE e
  }
  // The survivor's pairs: each new author with every other author it now has.
  CALL (new, gone, stay, newYear) {
    WITH new, gone, stay, newYear WHERE new.coauthorPairs
    WITH newYear, [x IN gone WHERE NOT x IN stay] AS came, stay + [x IN gone WHERE NOT x IN stay] AS everyone
    UNWIND range(0, size(came) - 1) AS i
    UNWIND range(0, size(everyone) - 1) AS j
    WITH newYear, came[i] AS a, everyone[j] AS b, size(stay) + i AS ai, j
    WHERE ai <> j AND (j < size(stay) OR ai < j)
    WITH newYear, CASE WHEN a.id < b.id THEN a ELSE b END AS lo,
         CASE WHEN a.id < b.id THEN b ELSE a END AS hi
    MERGE (lo)-[c:COAUTHORED]->(hi)
    ON CREATE SET c.works = 0, c.latestYear = 0, c.lo = lo.id, c.hi = hi.id
    SET c.works = c.works + 1,
        c.latestYear = CASE WHEN newYear > c.latestYear THEN newYear ELSE c.latestYear END
    SET c.rank = -toFloat(c.works * 10000 + c.latestYear)
    WITH lo, hi, c WHERE c.works = 2
    SET lo.closeCoauthors = coalesce(lo.closeCoauthors, 0) + 1,
        hi.closeCoauthors = coalesce(hi.closeCoauthors, 0) + 1
  }
  // The merged-away work's pairs: it is no longer shared.
  CALL (old, gone, oldYear) {
    WITH old, gone, oldYear WHERE old.coauthorPairs
    UNWIND range(0, size(gone) - 1) AS i
    UNWIND range(i + 1, size(gone) - 1) AS j
    WITH gone[i] AS a, gone[j] AS b, oldYear
    MATCH (a)-[c:COAUTHORED]-(b)
    SET c.works = c.works - 1
    SET c.rank = -toFloat(c.works * 10000 + c.latestYear)
    WITH a, b, c, c.works = 0 AS empty, c.latestYear = oldYear AS stale
    CALL (a, b, c) {
      WITH a, b, c WHERE c.works = 1
      SET a.closeCoauthors = a.closeCoauthors - 1, b.closeCoauthors = b.closeCoauthors - 1
    }
    CALL (c, empty) {
      WITH c WHERE empty
      DELETE c
    }
    CALL (a, b, c, empty, stale) {
      WITH a, b, c WHERE stale AND NOT empty
      MATCH (a)-[:AUTHORED]->(x:Work)<-[:AUTHORED]-(b) WHERE x.coauthorPairs
      WITH c, max(coalesce(x.year, 0)) AS latestYear
      SET c.latestYear = latestYear, c.rank = -toFloat(c.works * 10000 + latestYear)
    }
  }
}
CALL (old, new) {
  MATCH (old)-[:HAS_INSTITUTION]->(x) MERGE (new)-[:HAS_INSTITUTION]->(x)
}
CALL (old, new) {
  MATCH (old)-[:CITES]->(x) WHERE x <> new MERGE (new)-[:CITES]->(x)
}
CALL (old, new) {
  MATCH (x)-[:CITES]->(old) WHERE x <> new MERGE (x)-[:CITES]->(new)
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
