"""Digitized images: ingest, pyramids and the IIIF Image API service. Knows nothing of pages."""
