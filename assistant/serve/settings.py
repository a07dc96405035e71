"""Server settings, from the environment (validated once, at start-up)."""

from __future__ import annotations

import os

from pydantic import BaseModel, Field, ValidationError

from ..errors import ConfigError

# Default CORS policy: pages served from this same machine only (any port).
LOCAL_ORIGINS = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"


class ServerSettings(BaseModel):
    api_key: str | None = Field(default=None, min_length=8)
    cors_origins: list[str] = []  # exact origins allowed besides this machine's own pages
    rate_limit: int = Field(default=120, ge=0)  # requests per minute per client on /api and /v1; 0 = off
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    workers: int = Field(default=1, ge=1, le=64)  # questions answered at once; >1 only adds GIL contention
    title: str = "市政府工作规则问答"

    @classmethod
    def from_env(cls) -> ServerSettings:
        env = os.environ
        raw: dict[str, object] = {}
        if env.get("ASSISTANT_API_KEY"):
            raw["api_key"] = env["ASSISTANT_API_KEY"]
        if env.get("ASSISTANT_CORS_ORIGINS"):
            raw["cors_origins"] = [o.strip().rstrip("/") for o in env["ASSISTANT_CORS_ORIGINS"].split(",") if o.strip()]
        if env.get("ASSISTANT_RATE_LIMIT"):
            raw["rate_limit"] = env["ASSISTANT_RATE_LIMIT"]
        if env.get("ASSISTANT_WORKERS"):
            raw["workers"] = env["ASSISTANT_WORKERS"]
        if env.get("ASSISTANT_MAX_BODY_BYTES"):
            raw["max_body_bytes"] = env["ASSISTANT_MAX_BODY_BYTES"]
        try:
            return cls.model_validate(raw)
        except ValidationError as e:
            err = e.errors()[0]
            raise ConfigError(f"服务器配置错误（{'.'.join(map(str, err['loc']))}）：{err['msg']}") from None
