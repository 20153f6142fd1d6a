"""Event coding: triggers, actors, modality and the ACLED classification of each clause."""
