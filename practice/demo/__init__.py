"""A realistic demo hub: the content as plain data, and the builder that loads it."""
