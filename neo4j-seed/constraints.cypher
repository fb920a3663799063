// Constraints and indexes of the peergraph model. Idempotent: run it as often as you like.
// Applied before any data by every import (ingest/importer.py apply_constraints: `peergraph
// import`, and `peergraph dev` / `make run` as they import the seed), then waited for with
// db.awaitIndexes. Each statement ends with a semicolon; apply_constraints sends them one at a
// time (constraint_statements drops the `//` lines and splits at each semicolon).
// Parameters: none.
// Returns: nothing.

CREATE CONSTRAINT researcher_id IF NOT EXISTS FOR (n:Researcher) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_id IF NOT EXISTS FOR (n:Work) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;

// Keyset paging of works by year and citations.
CREATE INDEX work_year IF NOT EXISTS FOR (n:Work) ON (n.year);
CREATE INDEX work_cited_by IF NOT EXISTS FOR (n:Work) ON (n.citedByCount);
CREATE INDEX work_arxiv IF NOT EXISTS FOR (n:Work) ON (n.arxivId);
CREATE INDEX work_doi IF NOT EXISTS FOR (n:Work) ON (n.doi);
CREATE INDEX researcher_orcid IF NOT EXISTS FOR (n:Researcher) ON (n.orcid);

// Full-text search with prefix matching (`researchers(search:)`, `works(search:)`).
CREATE FULLTEXT INDEX researcher_name IF NOT EXISTS FOR (n:Researcher) ON EACH [n.name];
CREATE FULLTEXT INDEX work_title IF NOT EXISTS FOR (n:Work) ON EACH [n.title];
CREATE FULLTEXT INDEX topic_institution_name IF NOT EXISTS FOR (n:Topic|Institution) ON EACH [n.name];

// One owner per researcher is the single ownerId property; this makes a user own at most one.
CREATE CONSTRAINT researcher_owner IF NOT EXISTS FOR (n:Researcher) REQUIRE n.ownerId IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (n:Invitation) REQUIRE n.id IS UNIQUE;
// The claims waiting for an admin (list_pending_claims), oldest first.
CREATE INDEX claim_status_at IF NOT EXISTS FOR (n:Claim) ON (n.status, n.at);
CREATE INDEX institution_domain IF NOT EXISTS FOR (n:Institution) ON (n.domain);
// Where OpenAlex's merged-away ids went (record_merged_ids, get_merged_into).
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (n:MergedId) REQUIRE n.id IS UNIQUE;
CREATE INDEX merged_id_into IF NOT EXISTS FOR (n:MergedId) ON (n.into);

// A researcher's co-authors in page order (list_coauthors): each COAUTHORED pair keeps its two
// researcher ids (lo < hi) and rank = -(works * 10000 + latestYear); the researcher is lo of
// some of its pairs and hi of the others, so one index per end, its id first.
CREATE INDEX coauthored_lo_rank IF NOT EXISTS FOR ()-[p:COAUTHORED]-() ON (p.lo, p.rank, p.hi);
CREATE INDEX coauthored_hi_rank IF NOT EXISTS FOR ()-[p:COAUTHORED]-() ON (p.hi, p.rank, p.lo);

// The works pages in page order (list_works_page): each edge from a work to the researcher,
// topic or institution that lists it keeps owner, workId and a sort key per order (see
// set_works_page_keys); one index per edge type and order, the owner's id first.
CREATE INDEX authored_year_desc IF NOT EXISTS FOR ()-[e:AUTHORED]-() ON (e.owner, e.yearDesc, e.workId);
CREATE INDEX authored_year_asc IF NOT EXISTS FOR ()-[e:AUTHORED]-() ON (e.owner, e.yearAsc, e.workId);
CREATE INDEX authored_cited_by_desc IF NOT EXISTS FOR ()-[e:AUTHORED]-() ON (e.owner, e.citedByDesc, e.workId);
// The explorer's works of a researcher (explore_neighbourhood): most cited, then newest, from
// the same keys as the works pages.
CREATE INDEX authored_cited_by_year_desc IF NOT EXISTS FOR ()-[e:AUTHORED]-() ON (e.owner, e.citedByDesc, e.yearDesc, e.workId);
// A work's authors in its order (get_work_authors, list_works_page): a page of a work with
// thousands of authors reads what it shows. workId is one of the works pages' keys above.
CREATE INDEX authored_work_position IF NOT EXISTS FOR ()-[e:AUTHORED]-() ON (e.workId, e.position);
CREATE INDEX has_topic_year_desc IF NOT EXISTS FOR ()-[e:HAS_TOPIC]-() ON (e.owner, e.yearDesc, e.workId);
CREATE INDEX has_topic_year_asc IF NOT EXISTS FOR ()-[e:HAS_TOPIC]-() ON (e.owner, e.yearAsc, e.workId);
CREATE INDEX has_topic_cited_by_desc IF NOT EXISTS FOR ()-[e:HAS_TOPIC]-() ON (e.owner, e.citedByDesc, e.workId);
CREATE INDEX has_institution_year_desc IF NOT EXISTS FOR ()-[e:HAS_INSTITUTION]-() ON (e.owner, e.yearDesc, e.workId);
CREATE INDEX has_institution_year_asc IF NOT EXISTS FOR ()-[e:HAS_INSTITUTION]-() ON (e.owner, e.yearAsc, e.workId);
CREATE INDEX has_institution_cited_by_desc IF NOT EXISTS FOR ()-[e:HAS_INSTITUTION]-() ON (e.owner, e.citedByDesc, e.workId);
