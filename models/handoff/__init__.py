"""Passing the baton: the checklist of the definition on a lead, promotion to field sales,
the handoff summary, and field sales' answer."""
