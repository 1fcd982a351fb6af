"""Renderers: turn computed results into terminal tables, JSON and workbooks. They never compute."""
