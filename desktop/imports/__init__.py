"""Importing marketing tools' exports from the desktop: the menu entries, the dialog
(file, mapping, preview, progress, result) and its work off the GUI thread."""
