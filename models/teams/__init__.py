"""Teams and their rules, users, and who may do what."""
