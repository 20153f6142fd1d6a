"""kronika: news articles in, ACLED-style event records with evidence spans out."""

__version__ = "0.1.0"
