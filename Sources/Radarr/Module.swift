// The Radarr client lands here (issue: integrations).
