"""What leaves the site: the API, exports and feeds, embeds and oEmbed, share tags."""
