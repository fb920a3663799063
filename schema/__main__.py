"""`python -m schema` prints the SDL; `make schema.graphql` stores it as the reviewed snapshot."""

from schema import schema

print(schema.as_str())
