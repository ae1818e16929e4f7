"""Qt-free domain core: models, expansion, storage, catalog and session engine.

Nothing in this package may import PySide6; tests/test_core_is_qt_free.py checks it.
"""
