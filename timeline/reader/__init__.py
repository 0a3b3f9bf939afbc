"""The pages readers browse: the timeline, stories, events, upcoming, search, live updates
and the reader cache.
"""
