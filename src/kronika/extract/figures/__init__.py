"""Reported figures: number words and the counts of the unrest story."""
