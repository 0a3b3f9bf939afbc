"""What editors do: the review queue, corrections, stories, images, and the one write path
(actions).
"""
