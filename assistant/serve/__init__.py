"""Serving: one FastAPI app with the Gradio chat, the JSON API, an OpenAI-compatible API and the widget."""
