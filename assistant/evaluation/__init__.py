"""Offline regression evals: gold sets, metrics, reports and the CI gate."""
