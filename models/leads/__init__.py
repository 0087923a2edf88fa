"""Working leads: the queue, a lead's detail, calls, BANT, follow-ups."""
