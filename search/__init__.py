"""Search: indexing, facets, the search page and the search JSON API."""
