"""Shared widgets, and the one helper that puts user text into rich text safely."""
