"""The catalogue: home, collection and item pages, and the loader of the seed collections."""
