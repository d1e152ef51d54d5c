// The Plex client lands here (issue: integrations).
