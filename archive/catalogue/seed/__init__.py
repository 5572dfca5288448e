"""Loading the curated seed collections from collections/: read, validate everything, then write."""
