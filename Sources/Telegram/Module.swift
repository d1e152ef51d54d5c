// The Telegram client lands here (issue: integrations).
