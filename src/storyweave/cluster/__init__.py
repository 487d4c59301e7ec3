"""Stories: articles about the same real-world event, in batch (batch.py) or as a stream (stream.py)."""
