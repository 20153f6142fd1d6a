"""Readers: files, folders, stdin, JSONL, plain text and HTML into Articles, with clear errors."""
