"""Exhibitions: curated stories told with the collections' items, regions of images and places."""
