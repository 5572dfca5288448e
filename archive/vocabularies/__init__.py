"""Controlled vocabularies shared by the catalogue: creators, places, techniques, materials, rights."""
