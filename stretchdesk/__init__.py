"""StretchDesk: build post-run stretch routines and play them on a second screen."""

__version__ = "0.1.0"
APP_NAME = "StretchDesk"
