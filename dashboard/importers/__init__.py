"""Importers that turn upstream dataset files into rows of the curated CSVs in data/."""
