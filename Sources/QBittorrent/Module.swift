// The QBittorrent client lands here (issue: integrations).
