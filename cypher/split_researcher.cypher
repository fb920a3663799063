// Moves the authorships of some works from a researcher to a new researcher record, in one
// transaction: the new record gets the same name, verification L1, and each moved authorship
// keeps its position and stated institutions. The co-author pairs (COAUTHORED) follow in the
// same transaction: the new record gets a pair with each other author of the moved works that
// count for pairs (w.coauthorPairs, see merge_works), and
// the researcher's pairs with them lose those works (deleted at 0; latestYear read again from
// the remaining shared works only when a moved work held it), and closeCoauthors (pairs sharing
// 2+ works) of both ends follows; each pair's index keys (lo, hi, rank: see merge_works) follow
// its works and latestYear. The topic shares (STUDIES {works}) follow too: the new
// record gets a share of each topic of the moved works, and the researcher's shares lose those
// works (deleted at 0). Nothing else changes.
// Who may split is decided in resolvers/authorization.py (the owner, or an admin whatever the
// owner); $ownerId is the owner the record had then (null: unclaimed), and the statement
// changes nothing when the record's owner is another by now.
// Parameters: $ownerId, $researcherId, $newId, $workIds: [string]
// Returns: one row when the researcher exists: outcome ('SPLIT', 'OWNER_CHANGED',
//   'NOT_THEIR_WORKS'),
//   moved (authorships moved).
MATCH (r:Researcher {id: $researcherId})
SET r._lock = true
REMOVE r._lock
WITH r, COUNT { (r)-[:AUTHORED]->(w:Work) WHERE w.id IN $workIds } AS found
WITH r, found, CASE
       WHEN NOT coalesce(r.ownerId = $ownerId, r.ownerId IS NULL AND $ownerId IS NULL)
         THEN 'OWNER_CHANGED'
       WHEN found <> size($workIds) OR found = 0 THEN 'NOT_THEIR_WORKS'
       ELSE 'SPLIT'
     END AS outcome
// OPTIONAL: a refused split still returns its outcome row.
OPTIONAL CALL (r, outcome) {
  WITH r, outcome WHERE outcome = 'SPLIT'
  CREATE (n:Researcher {id: $newId, name: r.name, verification: 'L1', openToCollaborate: false,
                        splitFrom: r.id, splitAt: datetime()})
  WITH r, n
  CALL (r, n) {
    MATCH (r)-[a:AUTHORED]->(w:Work) WHERE w.id IN $workIds
    CREATE (n)-[b:AUTHORED]->(w)
    SET b = properties(a)
    DELETE a
    RETURN collect(w) AS works
  }
  CALL (r, n, works) {
    UNWIND works AS w
    MATCH (w)-[:HAS_TOPIC]->(t:Topic)
    WITH r, n, t, count(w) AS moved
    CREATE (n)-[:STUDIES {works: moved}]->(t)
    WITH r, t, moved
    MATCH (r)-[s:STUDIES]->(t)
    SET s.works = s.works - moved
    WITH s WHERE s.works = 0
    DELETE s
  }
  CALL (r, n, works) {
    UNWIND works AS w
    WITH r, n, w WHERE w.coauthorPairs
    MATCH (o:Researcher)-[:AUTHORED]->(w) WHERE o <> n
    WITH r, n, o, count(w) AS shared, max(coalesce(w.year, 0)) AS year
    CALL (n, o, shared, year) {
      WITH CASE WHEN n.id < o.id THEN n ELSE o END AS lo,
           CASE WHEN n.id < o.id THEN o ELSE n END AS hi, shared, year
      CREATE (lo)-[:COAUTHORED {works: shared, latestYear: year, lo: lo.id, hi: hi.id,
                                rank: -toFloat(shared * 10000 + year)}]->(hi)
      WITH lo, hi, shared WHERE shared >= 2
      SET lo.closeCoauthors = coalesce(lo.closeCoauthors, 0) + 1,
          hi.closeCoauthors = coalesce(hi.closeCoauthors, 0) + 1
    }
    MATCH (r)-[c:COAUTHORED]-(o)
    WITH r, o, c, shared, year, c.works >= 2 AS wasClose
    SET c.works = c.works - shared
    SET c.rank = -toFloat(c.works * 10000 + c.latestYear)
    WITH r, o, c, c.works = 0 AS empty, c.latestYear <= year AS stale,
         wasClose AND c.works < 2 AS noLongerClose
    CALL (r, o, noLongerClose) {
      WITH r, o WHERE noLongerClose
      SET r.closeCoauthors = r.closeCoauthors - 1, o.closeCoauthors = o.closeCoauthors - 1
    }
    CALL (c, empty) {
      WITH c WHERE empty
      DELETE c
    }
    CALL (r, o, c, empty, stale) {
      WITH r, o, c WHERE stale AND NOT empty
      MATCH (r)-[:AUTHORED]->(x:Work)<-[:AUTHORED]-(o) WHERE x.coauthorPairs
      WITH c, max(coalesce(x.year, 0)) AS latestYear
      SET c.latestYear = latestYear, c.rank = -toFloat(c.works * 10000 + latestYear)
    }
  }
  RETURN size(works) AS moved
}
RETURN outcome, coalesce(moved, 0) AS moved
