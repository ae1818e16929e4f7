"""The routines pane: the user's and built-in routines, and what can be done to them."""
