"""Commands that live in their own module (the rest are in ``salon_segment.cli`` for now): each parses its
options, calls the library and renders."""
