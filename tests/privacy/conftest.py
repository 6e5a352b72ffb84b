import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _locmem_cache(settings):
    """Rate limits count in a per-process cache in tests, empty at the start of each."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    cache.clear()
    yield
    cache.clear()
