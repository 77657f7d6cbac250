"""Annotated-article sites: load and check `data/`, anchor quotes, render footnotes and pages.

Nothing in this package imports MkDocs; `hooks/site_hooks.py` wires it to MkDocs events.
"""
