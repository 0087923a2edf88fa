"""Scores, priorities, rescoring and business time (speed to lead)."""
