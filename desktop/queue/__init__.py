"""The queue: its table model, view and filter bar."""
