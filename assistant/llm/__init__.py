"""LLM answers over an OpenAI-compatible endpoint: client, prompts, tokens, verification, streaming."""
