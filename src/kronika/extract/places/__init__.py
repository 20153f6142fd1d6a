"""Place recognition over the gazetteer: mentions, resolution and homonym ranking."""
