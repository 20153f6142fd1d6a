"""Who says what: sources of claims and direct quotes with their speakers."""
