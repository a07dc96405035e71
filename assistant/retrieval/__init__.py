"""Finding articles: tokenizer, embeddings, the index (Chroma + BM25), retrievers, reranking."""
