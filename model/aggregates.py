"""Rules of the aggregates the graph keeps (co-author pairs), shared by the importer that
writes them and the readers that explain them."""

# A co-author is a close collaborator from this many shared works on (documented in the schema).
CLOSE_MIN_SHARED = 2
# Works with more authors than this count for no co-author pairs (COAUTHORED, kept by the
# importer): a paper of 3,000 authors makes no collaborators, and would make 4.5 million pairs
# in one transaction. On the generated 100k graph the 311 works above it hold two thirds of the
# 4.1 million pairings.
MAX_PAIR_AUTHORS = 100
