"""IIIF Presentation 3.0: manifests for items and IIIF Collections for the heritage collections."""
