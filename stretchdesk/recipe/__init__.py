""""New from recipe…": the generator's dialog with a live preview."""
