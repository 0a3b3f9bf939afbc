"""From an article's dated clauses to events: which are happenings, their headline,
kind, places, actors and salience. Pure functions over text; no database."""
