// Applies OpenAlex merged ids for authors: each merged-away researcher's edges move onto the
// surviving one (authorships, affiliations, follows, claims, invitations; an edge the survivor
// already has keeps its own properties), then the merged-away node is removed. A claim moves
// only when the survivor has no owner. Idempotent: an id already merged is no longer there.
// Co-author pairs (COAUTHORED) follow in the same statement: on each work the survivor gains
// that counts for pairs (x.coauthorPairs, see merge_works),
// its pair with every other author adds 1 (raising latestYear to the work's year); the
// merged-away researcher's pairs go with its node. No other pair changes. Each pair's index
// keys (lo, hi, rank: see merge_works) follow its works and latestYear. Each researcher's
// closeCoauthors (pairs sharing 2+ works) follows its pairs crossing 2 or going.
// Topic shares (STUDIES {works}) follow too: each topic of a work the survivor gains adds 1 to
// the survivor's share of it; the merged-away researcher's shares go with its node.
// The caller runs set_current_affiliations after it in the same transaction (for the surviving
// ids: the merged-away node's edge goes with it).
// Parameters: $rows: [{id, into}]
// Returns: one row per merge applied: id.
UNWIND $rows AS row
MATCH (old:Researcher {id: row.id})
MERGE (new:Researcher {id: row.into})
ON CREATE SET new.name = old.name, new.verification = 'L1'
WITH old, new WHERE old <> new
CALL (old, new) {
  MATCH (old)-[e:AUTHORED]->(x)
  WITH old, new, e, x, EXISTS { (new)-[:AUTHORED]->(x) } AS had
  MERGE (new)-[f:AUTHORED]->(x) ON CREATE SET f = properties(e)
  WITH old, new, x WHERE NOT had
  // The survivor's topic shares: each topic of a work it gains adds 1.
  CALL (new, x) {
    MATCH (x)-[:HAS_TOPIC]->(t:Topic)
    MERGE (new)-[s:STUDIES]->(t)
    ON CREATE SET s.works = 0
    SET s.works = s.works + 1
  }
  WITH old, new, x WHERE x.coauthorPairs
  CALL (old, new, x) {
    MATCH (o:Researcher)-[:AUTHORED]->(x) WHERE o <> old AND o <> new
    WITH new, o, coalesce(x.year, 0) AS year,
         CASE WHEN new.id < o.id THEN new ELSE o END AS lo,
         CASE WHEN new.id < o.id THEN o ELSE new END AS hi
    MERGE (lo)-[c:COAUTHORED]->(hi)
    ON CREATE SET c.works = 0, c.latestYear = 0, c.lo = lo.id, c.hi = hi.id
    SET c.works = c.works + 1,
        c.latestYear = CASE WHEN year > c.latestYear THEN year ELSE c.latestYear END
    SET c.rank = -toFloat(c.works * 10000 + c.latestYear)
    WITH lo, hi, c WHERE c.works = 2
    SET lo.closeCoauthors = coalesce(lo.closeCoauthors, 0) + 1,
        hi.closeCoauthors = coalesce(hi.closeCoauthors, 0) + 1
  }
}
// The merged-away researcher's close pairs no longer count for the researchers at their other end.
CALL (old) {
  MATCH (old)-[c:COAUTHORED]-(o) WHERE c.works >= 2
  SET o.closeCoauthors = o.closeCoauthors - 1
}
CALL (old, new) {
  MATCH (old)-[e:AFFILIATED_WITH]->(x)
  MERGE (new)-[f:AFFILIATED_WITH]->(x) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (x)-[e:FOLLOWS]->(old)
  MERGE (x)-[f:FOLLOWS]->(new) ON CREATE SET f = properties(e)
}
CALL (old, new) {
  MATCH (x)-[:FOR]->(old) MERGE (x)-[:FOR]->(new)
}
CALL (old, new) {
  MATCH (x)-[:TO]->(old) MERGE (x)-[:TO]->(new)
}
CALL (old, new) {
  WITH old, new WHERE old.ownerId IS NOT NULL AND new.ownerId IS NULL
  MATCH (u:User)-[e:CLAIMED]->(old)
  WITH old, new, u, properties(e) AS claim, old.ownerId AS owner, old.verification AS level
  REMOVE old.ownerId
  SET new.ownerId = owner, new.verification = level
  MERGE (u)-[f:CLAIMED]->(new) ON CREATE SET f = claim
}
WITH old, old.id AS id
DETACH DELETE old
RETURN id
