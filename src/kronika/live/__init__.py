"""The live chronicle: watched feeds, pages and Telegram channels kept current in the store."""
