"""The selected lead: its pane, work panel and timeline."""
