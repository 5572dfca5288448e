"""Fuzzy historical dates: curators' Lithuanian and English date text to an earliest/latest year pair."""
