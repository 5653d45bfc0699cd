"""A small HTTP client for the ESP APIs: form or JSON POSTs, retries, rate limits.

Built on httpx. Everything a test needs to control is injectable: the
transport (``httpx.MockTransport`` or none for a real server on 127.0.0.1),
the base URL, the clock and ``sleep`` of the backoff and the rate limiter,
and the random source of the jitter.

Faults: timeouts, connection errors, HTTP 429 and 5xx are retried with
exponential backoff and full jitter (``min(cap, base * 2**n)`` times a random
factor); an ESP-level "try later" reply is retried the same way when the
caller's ``check`` raises :class:`Retryable`. Anything else comes back to the
caller. After the last attempt :class:`ExportError` says what kept failing.

Secrets (API keys) given to the client are never put into URLs, log lines or
exception texts: every text leaving this module goes through :meth:`redact`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx

from esp.errors import ExportError, ExportUsageError
from esp.keys import mask
from esp.words import tr

log = logging.getLogger(__name__)

Sleep = Callable[[float], None]
Clock = Callable[[], float]
Cancelled = Callable[[], bool]


class Retryable(Exception):  # noqa: N818 - a signal, not an error shown to anyone
    """Raised by a response check: the reply says "try again later"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ExportCancelled(ExportError):  # noqa: N818 - reads as the event it is
    """The user cancelled; what was created is recorded, the same command resumes."""


def replace_origin(default_url: str, api_url: str | None) -> str:
    """``default_url`` with scheme and host (and port) taken from ``api_url``.

    ``--api-url`` replaces scheme and host only; the API path stays, so
    ``http://127.0.0.1:8080`` turns ``https://api.unisender.com/ru/api/``
    into ``http://127.0.0.1:8080/ru/api/``.
    """
    if not api_url:
        return default_url
    parts = urlsplit(api_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ExportUsageError(
            f"--api-url must look like https://host or http://127.0.0.1:8080, not {api_url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ExportUsageError(
            "--api-url takes only a scheme and a host (and port), e.g. http://127.0.0.1:8080; "
            "the API path is kept")
    base = urlsplit(default_url)
    return urlunsplit((parts.scheme, parts.netloc, base.path, "", ""))


@dataclass
class RetryPolicy:
    """How often and how long to retry: exponential backoff with full jitter."""

    attempts: int = 6
    base_delay: float = 1.0
    max_delay: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """The wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        ceiling = float(min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1)))
        # Half fixed, half random: never zero, never all clients in step.
        wait = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_delay))
        return wait


class RateLimiter:
    """Sliding-window limits: one for every call, and some per method.

    ``acquire(method)`` waits (with the injected ``sleep``) until a call is
    allowed under every limit that applies, then counts it. Thread-safe.
    """

    def __init__(self, per_minute: int = 1200,
                 method_limits: Mapping[str, tuple[int, float]] | None = None, *,
                 clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self._limits: dict[str | None, tuple[int, float]] = {None: (per_minute, 60.0)}
        for method, limit in (method_limits or {}).items():
            self._limits[method] = limit
        self._calls: dict[str | None, deque[float]] = {k: deque() for k in self._limits}
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()

    def _wait_needed(self, key: str | None, now: float) -> float:
        count, window = self._limits[key]
        calls = self._calls[key]
        while calls and calls[0] <= now - window:
            calls.popleft()
        if len(calls) < count:
            return 0.0
        return calls[0] + window - now

    def acquire(self, method: str, cancelled: Cancelled | None = None) -> None:
        """Wait until ``method`` may be called, then count the call."""
        keys: list[str | None] = [None]
        if method in self._limits:
            keys.append(method)
        while True:
            with self._lock:
                now = self._clock()
                wait = max(self._wait_needed(k, now) for k in keys)
                if wait <= 0:
                    for k in keys:
                        self._calls[k].append(now)
                    return
            log.info("rate limit: waiting %.1f s before %s", wait, method)
            _sleep_checked(self._sleep, wait, cancelled)


def _sleep_checked(sleep: Sleep, seconds: float, cancelled: Cancelled | None) -> None:
    """Sleep ``seconds`` in short steps, stopping early when cancelled."""
    remaining = seconds
    while remaining > 0:
        if cancelled is not None and cancelled():
            raise ExportCancelled("cancelled")
        step = min(remaining, 0.5)
        sleep(step)
        remaining -= step


Check = Callable[[httpx.Response], None]


class HttpClient:
    """POSTs to one base URL with retries, rate limits and redaction.

    Args:
        base_url: the API root (``https://api.unisender.com/ru/api/``); paths are
            joined to it.
        secrets: strings never to show (the API key): replaced in every text.
        transport: an httpx transport for tests; None uses the network.
        timeout: seconds per request (connect, read, write).
        retry: the backoff policy.
        limiter: the rate limiter (None: no limits).
        sleep: what waits (tests pass a fake to run instantly).
        cancelled: polled before each call and during waits.
    """

    def __init__(self, base_url: str, *, secrets: Sequence[str] = (),
                 transport: httpx.BaseTransport | None = None, timeout: float = 30.0,
                 retry: RetryPolicy | None = None, limiter: RateLimiter | None = None,
                 sleep: Sleep = time.sleep, cancelled: Cancelled | None = None,
                 headers: Mapping[str, str] | None = None, lang: str = "en") -> None:
        self.lang = lang
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self._secrets = [s for s in secrets if s]
        self._retry = retry or RetryPolicy()
        self._limiter = limiter
        self._sleep = sleep
        self.cancelled = cancelled
        self._client = httpx.Client(transport=transport, timeout=timeout,
                                    headers=dict(headers or {}), follow_redirects=False)

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def redact(self, text: str) -> str:
        """``text`` with every secret replaced by its mask."""
        for secret in self._secrets:
            text = text.replace(secret, mask(secret))
        return text

    def url(self, path: str) -> str:
        """The full URL of ``path`` (relative to the base URL)."""
        return self.base_url + path.lstrip("/")

    def check_cancelled(self) -> None:
        """Raise :class:`ExportCancelled` when the user asked to stop."""
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("cancelled")

    def post(self, path: str, *, name: str, params: Mapping[str, str] | None = None,
             form: Sequence[tuple[str, str]] | None = None, json: Any = None,
             headers: Mapping[str, str] | None = None, check: Check | None = None,
             on_retry: Callable[[int, str], None] | None = None) -> httpx.Response:
        """POST and return the final response (a retryable fault is retried).

        ``name`` is the method name for rate limits and messages. ``check``
        inspects each 2xx/4xx reply and raises :class:`Retryable` to retry it.
        ``on_retry(attempt, reason)`` is told about each retry (for the step log).
        """
        url = self.url(path)
        last_reason = ""
        for attempt in range(1, self._retry.attempts + 1):
            self.check_cancelled()
            if self._limiter is not None:
                self._limiter.acquire(name, self.cancelled)
            retry_after: float | None = None
            try:
                if form is None:
                    response = self._client.post(url, params=params, json=json,
                                                 headers=headers)
                else:
                    response = self._client.post(
                        url, params=params, content=_encode_form(form),
                        headers={**(headers or {}),
                                 "Content-Type": "application/x-www-form-urlencoded"})
            except httpx.TimeoutException:
                last_reason = tr(self.lang, "the server did not answer in time")
            except httpx.TransportError as exc:
                last_reason = tr(self.lang, "could not connect to {host} ({error})",
                                 host=urlsplit(self.base_url).netloc, error=type(exc).__name__)
            else:
                if response.status_code == 429 or response.status_code >= 500:
                    last_reason = f"HTTP {response.status_code}"
                    retry_after = _retry_after(response)
                else:
                    try:
                        if check is not None:
                            check(response)
                    except Retryable as exc:
                        last_reason = self.redact(exc.reason)
                    else:
                        return response
            log.info("%s: attempt %d failed: %s", name, attempt, last_reason)
            if attempt == self._retry.attempts:
                break
            if on_retry is not None:
                on_retry(attempt, last_reason)
            _sleep_checked(self._sleep, self._retry.delay(attempt, retry_after), self.cancelled)
        raise ExportError(self.redact(tr(
            self.lang, "{method}: gave up after {n} attempts: {reason}",
            method=name, n=self._retry.attempts, reason=last_reason)))


def _encode_form(form: Sequence[tuple[str, str]]) -> bytes:
    """``application/x-www-form-urlencoded`` UTF-8, keeping the pairs' order."""
    return urlencode(list(form), encoding="utf-8").encode("ascii")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
