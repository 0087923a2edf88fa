"""Handoffs in the app: the inbox table (:mod:`desktop.handoff.inbox_model`), and the
handoff summary (商談化シート) in the user's language: HTML, Markdown and JSON
(:mod:`desktop.handoff.render`, QtCore at most, usable from the CLI) and PDF
(:mod:`desktop.handoff.pdf`, which needs QtGui).

Importing the package loads nothing: the CLI imports the summary's renderer from here
without loading the inbox's widgets.
"""
