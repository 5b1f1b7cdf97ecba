"""Corpus loading, clause splitting and indexing for the renewal-policy assistant."""

PARSER_VERSION = "clauses-4+readings-1"
