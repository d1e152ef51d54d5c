// The TorrentFeed client lands here (issue: integrations).
