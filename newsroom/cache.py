"""Django's Redis cache, each of its clients made once instead of at every call.

`django.core.cache.backends.redis.RedisCacheClient.get_client` builds a new
`redis.Redis` around the shared connection pool for every cache call: some 40 µs
(it fills a table of 170 response callbacks), as long as the round trip to Redis
itself, and a reader page served from the cache makes one call. A `redis.Redis` is
safe to share between threads (its connections come from the pool), so one per
pool is kept.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _Clients(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own attributes (not in its type stubs): as its get_client reads them.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            made = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(id(pool), made)
        return client


class RedisCache(DjangoRedisCache):
    """django.core.cache.backends.redis.RedisCache, reusing its clients."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _Clients
