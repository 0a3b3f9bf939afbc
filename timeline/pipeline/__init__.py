"""Articles in, events out: ingest and fetch, the workers' tasks and the extraction run
that writes the database.
"""
