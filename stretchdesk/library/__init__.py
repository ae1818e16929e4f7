"""The pose library pane: illustrated cards, search and filters, pose details."""
