"""Dialogs: logging a call, a reason to take a lead out, who you are."""
