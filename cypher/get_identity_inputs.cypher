// What the identity and trust analyses read for each researcher: how many works they have in
// all (a degree look-up: constant time), how many close collaborators (co-authors sharing 2+
// works: closeCoauthors, kept on the researcher with its COAUTHORED pairs by the statements that
// change authorships: one property read), and a bounded sample of works, each with its other
// authors, topics, the institutions stated on the researcher's own authorship, citations and
// whether the owner confirmed the authorship, with its venue, the ORCID its authorship gives
// the researcher, and which of the sample's works it cites (self-citation links two halves).
// Bounds: the latest $maxWorks works (newest year first, then id, works without a year last;
// read in that order from the AUTHORED(owner, yearDesc, workId) index), and on each at most
// $maxCoauthors other authors, the first found (no order: a capped list costs the same
// whatever the size of the work's author list); authors is the full count (degree look-up),
// so a cut list can be told from a whole one; of a work's references at most $maxCitations
// are looked at (the first found), each checked against the researcher's authorship from the
// referenced work's side (its few authors), never from the researcher's.
// One row per researcher, its works a list: a thousand rows would cost the driver a thousand
// messages, each read through its own timed wait. Works name their topics and institutions by
// id; each distinct one comes once, in topics and institutions.
// Parameters: $ids: [string], $maxWorks: int, $maxCoauthors: int, $maxCitations: int
// Returns: one row per researcher that exists: researcherId, totalWorks (all their works),
//   closeCoauthors (all their co-authors sharing 2+ works), works: [{id, title, year,
//   citedByCount, confirmed, rawName (the researcher's name as the work prints it), venue,
//   orcid (the authorship's), authors (all the work's authors, the researcher included),
//   coauthorIds (at most $maxCoauthors), topicIds, institutionIds, citesOwn (ids of the
//   researcher's works it cites, sample or not)}] by year descending (works without a year
//   first), then id;
//   topics: [{id, name, subfield, field, works (how many works carry it: a degree look-up),
//   share (works over all the graph's works: the count store)}]
//   and institutions: [{id, name}], those the works name.
CALL () { MATCH (w:Work) RETURN count(w) AS graphWorks }
UNWIND $ids AS researcherId
MATCH (r:Researcher {id: researcherId})
CALL (r) {
  // The works pages' index hands over the researcher's authorships latest first (yearDesc:
  // missing years last), so the sample costs the same however many works the researcher has.
  MATCH ()-[a:AUTHORED]->() USING INDEX a:AUTHORED(owner, yearDesc, workId)
  WHERE a.owner = r.id AND a.yearDesc IS NOT NULL AND a.workId IS NOT NULL
  WITH a ORDER BY a.owner, a.yearDesc, a.workId LIMIT $maxWorks
  WITH a, endNode(a) AS w ORDER BY w.year DESC, w.id
  RETURN collect({
    id: w.id, title: w.title, year: w.year, citedByCount: w.citedByCount,
    confirmed: coalesce(a.confirmed, false), rawName: a.rawName, venue: w.venue,
    orcid: a.orcid, authors: COUNT { (w)<-[:AUTHORED]-() },
    coauthorIds: COLLECT { MATCH (w)<-[:AUTHORED]-(c:Researcher) WHERE c <> r
                           RETURN c.id LIMIT $maxCoauthors },
    topicIds: COLLECT { MATCH (w)-[:HAS_TOPIC]->(t:Topic) RETURN t.id },
    citesOwn: COLLECT { MATCH (w)-[:CITES]->(c:Work) WITH c LIMIT $maxCitations
                        MATCH (c)<-[:AUTHORED]-(author) WHERE author = r RETURN c.id },
    institutionIds: COLLECT { UNWIND coalesce(a.institutionIds, []) AS iid
                              MATCH (i:Institution {id: iid}) RETURN i.id }
  }) AS works
}
RETURN researcherId, COUNT { (r)-[:AUTHORED]->() } AS totalWorks,
       coalesce(r.closeCoauthors, 0) AS closeCoauthors, works,
       COLLECT { UNWIND works AS work UNWIND work.topicIds AS tid WITH DISTINCT tid
                 MATCH (t:Topic {id: tid}) WITH t, COUNT { (t)<-[:HAS_TOPIC]-() } AS n
                 RETURN t {.id, .name, .subfield, .field, works: n,
                           share: toFloat(n) / graphWorks} } AS topics,
       COLLECT { UNWIND works AS work UNWIND work.institutionIds AS iid WITH DISTINCT iid
                 MATCH (i:Institution {id: iid}) RETURN i {.id, .name} } AS institutions
