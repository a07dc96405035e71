"""Answering: question analysis, clause scoring, extractive answers, dialogue, the pipeline."""
