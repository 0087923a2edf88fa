"""Baton's domain: entities, scoring, queue queries and use cases. Plain Python, no Qt."""
