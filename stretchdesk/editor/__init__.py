"""The routine editor: ordered steps with undoable edits, settings and the live total."""
