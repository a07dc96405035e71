"""HTTP routes, one module per concern. Routers import ``deps`` and ``errors``, never ``app``."""
