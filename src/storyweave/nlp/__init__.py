"""Models loaded once per process, behind one function each; nothing loads at import time."""
