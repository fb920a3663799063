// The Neo4j GraphQL Library (@neo4j/graphql 7 on Apollo Server 5) over the bench's graph, the
// way a user would put "GraphQL on Neo4j" in front of it: bench/compare.py starts it
// (`node index.mjs`, after `npm ci` here) and sends it the same logical query as peergraph.
//
// Environment: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USER (neo4j), NEO4J_PASSWORD,
// NEO4J_DATABASE (neo4j), PORT (4000). Prints "ready <url>" on stdout once it listens.
//
// The types follow the store as cypher/merge_works.cypher writes it and docs/graph-model.md
// describes it: (:Researcher)-[:AUTHORED {position, ...}]->(:Work)-[:HAS_TOPIC {score}]->(:Topic).
// What the library cannot derive from relationships is a @cypher field with the rule
// peergraph's own statement uses (cypher/list_coauthors.cypher, count_researcher_stats.cypher).
import net from "node:net";

// TCP_NODELAY on the driver's Bolt sockets: neo4j-driver 5 leaves Nagle's algorithm on, which
// holds small writes back by up to 40 ms on loopback. Node's HTTP server sets it already.
// Patched before the driver is imported; net.connect is looked up on every connection.
const connect = net.connect;
net.connect = function connectNoDelay(...args) {
    return connect.apply(this, args).setNoDelay(true);
};

const { ApolloServer } = await import("@apollo/server");
const { startStandaloneServer } = await import("@apollo/server/standalone");
const { Neo4jGraphQL } = await import("@neo4j/graphql");
const { default: neo4j } = await import("neo4j-driver");

// Close collaborators: co-authors with at least 2 shared works, ranked by shared works, then
// by the year of the latest one, then id (peergraph's sort key -(shared * 10000 + latestYear),
// id ascending, is the same order). The same rule as peergraph's: only works of at most 100
// authors count (w.coauthorPairs, which peergraph's importer stores); computed live here, as a
// user of the library would write it.
const CLOSE = `
    MATCH (this)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
    WHERE c <> this AND w.coauthorPairs
    WITH c, count(w) AS shared, max(coalesce(w.year, 0)) AS latestYear
    WHERE shared >= 2`;

export const typeDefs = /* GraphQL */ `
    type Researcher @node {
        id: ID!
        name: String
        orcid: String
        description: String
        openToCollaborate: Boolean
        verification: String
        citedByCount: Int
        hIndex: Int
        works: [Work!]! @relationship(type: "AUTHORED", direction: OUT, properties: "Authorship")
        worksCount: Int!
            @cypher(statement: "RETURN COUNT { (this)-[:AUTHORED]->() } AS n", columnName: "n")
        followersCount: Int!
            @cypher(statement: "RETURN COUNT { (this)<-[:FOLLOWS]-() } AS n", columnName: "n")
        # The stored topic shares (STUDIES, one per topic the researcher's works carry, kept by
        # peergraph's importer), as count_researcher_stats reads them: both sides read the same graph.
        topicsCount: Int!
            @cypher(statement: "RETURN COUNT { (this)-[:STUDIES]->() } AS n", columnName: "n")
        closeCollaboratorsCount: Int!
            @cypher(statement: """
            ${CLOSE}
            RETURN count(c) AS n
            """, columnName: "n")
        closeCollaborators(first: Int = 4): [CloseCollaborator!]!
            @cypher(statement: """
            ${CLOSE}
            WITH c, shared, latestYear ORDER BY shared DESC, latestYear DESC, c.id LIMIT $first
            RETURN {sharedWorks: shared, latestYear: latestYear, researcher: c {.id, .name}} AS row
            """, columnName: "row")
    }

    type CloseCollaborator {
        sharedWorks: Int!
        latestYear: Int
        researcher: Person!
    }

    "A researcher as a close collaborator shows it (a map, not a node the library traverses)."
    type Person {
        id: ID!
        name: String
    }

    type Authorship @relationshipProperties {
        position: Int
        authorPosition: String
        rawName: String
        corresponding: Boolean
    }

    type TopicScore @relationshipProperties {
        score: Float
    }

    type Work @node {
        id: ID!
        title: String
        abstract: String
        year: Int
        type: String
        venue: String
        doi: String
        citedByCount: Int
        authors: [Researcher!]! @relationship(type: "AUTHORED", direction: IN, properties: "Authorship")
        topics: [Topic!]! @relationship(type: "HAS_TOPIC", direction: OUT, properties: "TopicScore")
    }

    type Topic @node {
        id: ID!
        name: String
        subfield: String
        field: String
        domain: String
        works: [Work!]! @relationship(type: "HAS_TOPIC", direction: IN, properties: "TopicScore")
    }
`;

// Statements per request, reported in the response's extensions.statements like peergraph's
// extensions.cypher: every statement the library runs goes through a managed transaction's
// run (Session.run too, for completeness). A process-wide counter: exact for requests sent
// one at a time, which is how bench/compare.py reads it.
let statements = 0;
for (const type of [neo4j.ManagedTransaction, neo4j.Session]) {
    const run = type.prototype.run;
    type.prototype.run = function countedRun(...args) {
        statements += 1;
        return run.apply(this, args);
    };
}
const countStatements = {
    async requestDidStart() {
        const before = statements;
        return {
            async willSendResponse({ response }) {
                if (response.body.kind === "single") {
                    const result = response.body.singleResult;
                    result.extensions = { ...result.extensions, statements: statements - before };
                }
            },
        };
    },
};

const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema, plugins: [countStatements] });
const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
    // The database named on every query, as peergraph does (saves a round trip).
    context: async () => ({ sessionConfig: { database } }),
});
console.log(`ready ${url}`);

for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, async () => {
        await server.stop();
        await driver.close();
        process.exit(0);
    });
}
