"""Baton's Qt desktop application and command line (the only package that imports Qt)."""
