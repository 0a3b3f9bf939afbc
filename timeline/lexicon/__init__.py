"""Arabic word lists the event extractor folds at import: places, actors, kinds, stopwords."""
