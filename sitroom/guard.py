"""What keeps web pages out of a running `sitroom serve`: one pure ASGI middleware and its policy.

Every request gets a request id (the `X-Request-Id` header). In order, the guard refuses:
a Host header not in the allow-list (421: defeats DNS rebinding), then, for writes (any method
but GET, HEAD and OPTIONS), any write on a read-only server (405), a cross-site request
(`Sec-Fetch-Site` or `Origin` not this server: 403), a missing or wrong bearer token where the
server has one (401), and a body that is not `application/json` (415; a write without a body
goes on to its route). A JSON body nested deeper
than `MAX_JSON_DEPTH` is a 400 before anything parses it. `HEAD` is answered as `GET` without
the body. An unexpected error is logged with the request id and answered as a JSON 500 that
names it, and the connection stays usable. The page (`/`) gets the token in a meta tag when its
own URL carries it (`/?token=...`), so only who holds the token can hand it to the page.
"""
from __future__ import annotations

import hmac
import html
import ipaddress
import json
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from .settings import SettingsError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
AppT = TypeVar("AppT", bound=Any)

LOG = logging.getLogger("sitroom.serve")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME_SITE = frozenset({"same-origin", "none"})
JSON_TYPES = frozenset({"application/json"})
MAX_JSON_DEPTH = 64
"""Deepest JSON nesting a write body may have (an article record needs 2)."""
TOKEN_META = b'<meta name="sitroom-token" content="">'
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"),
                    (b"content-security-policy", b"default-src 'none'"),
                    (b"cache-control", b"no-store")]


class UnsafeBind(SettingsError):
    """`sitroom serve` was asked to open writes to the network without a token."""


class TooDeep(Exception):
    """A JSON body nested deeper than the guard allows."""


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_unspecified(host: str) -> bool:
    """True for 0.0.0.0 and :: (every interface: no name a client would send)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def host_name(host: str) -> str:
    """A host as it appears in a Host header: lower case, IPv6 literals in brackets."""
    name = host.lower()
    return f"[{name}]" if ":" in name and not name.startswith("[") else name


def split_host(value: str) -> tuple[str, int | None]:
    """(name, port or None) of a Host header or an `--allow-host` entry."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value.partition("]")
        port = rest[1:] if rest.startswith(":") else ""
        name += "]"
    else:
        name, _, port = value.partition(":")
    return name, int(port) if port.isdigit() else None


@dataclass(frozen=True)
class Policy:
    """Which Host names a server answers, whether it takes writes and what token they need."""

    names: frozenset[str] = LOOPBACK_NAMES
    port: int | None = None
    allowed: frozenset[str] = frozenset()
    token: str | None = None
    read_only: bool = False

    @classmethod
    def for_server(cls, host: str, port: int, token: str | None = None,
                   read_only: bool = False, allow_hosts: tuple[str, ...] = ()) -> Policy:
        """The policy of a server bound to host:port; refuses (UnsafeBind) to open writes
        beyond loopback without a token."""
        if not (is_loopback(host) or token or read_only):
            raise UnsafeBind(f"--host {host} opens the server beyond this machine: give a token "
                             "for writes (--token or SITROOM_TOKEN) or serve --read-only")
        names = LOOPBACK_NAMES if is_unspecified(host) else LOOPBACK_NAMES | {host_name(host)}
        return cls(names=names, port=port, token=token or None,
                   read_only=read_only, allowed=frozenset(h.strip().lower() for h in allow_hosts))

    def host_ok(self, value: str) -> bool:
        """Whether a Host header names this server (the bound port, or any listed name)."""
        name, port = split_host(value)
        if name in self.names and (self.port is None or (port or 80) == self.port):
            return True
        return name in self.allowed or value.strip().lower() in self.allowed

    def token_ok(self, authorization: str) -> bool:
        """Whether an Authorization header carries this server's token (or none is needed)."""
        if self.token is None:
            return True
        scheme, _, given = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                                  self.token.encode())


def header(scope: Scope, name: bytes) -> str | None:
    """A request header's value (the first), decoded as Latin-1."""
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def has_body(scope: Scope) -> bool:
    """Whether a request says it sends a body (a length over 0, or chunks)."""
    length = header(scope, b"content-length")
    return header(scope, b"transfer-encoding") is not None or (length or "0").strip() != "0"


def cross_site(scope: Scope, host: str) -> str | None:
    """Why a write comes from another site, or None when it is this server's own page (or no
    browser: neither Sec-Fetch-Site nor Origin sent)."""
    site = header(scope, b"sec-fetch-site")
    if site is not None and site.lower() not in SAME_SITE:
        return f"cross-site write refused (Sec-Fetch-Site: {site[:40]})"
    origin = header(scope, b"origin")
    if origin is None:
        return None
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        return f"cross-site write refused (Origin: {origin[:80]})"
    return None


def refusal(policy: Policy, scope: Scope) -> tuple[int, str, str] | None:
    """(status, code, message) for a request the guard refuses, else None."""
    host = header(scope, b"host")
    if host is None or not policy.host_ok(host):
        shown = "no Host header" if host is None else f"Host {host[:80]!r}"
        return 421, "misdirected_request", (f"{shown} is not a name of this server (DNS "
                                            "rebinding?); start it with --allow-host NAME")
    if scope["method"] in SAFE_METHODS:
        return None
    if policy.read_only:
        return 405, "read_only", "this server is read-only (--read-only): no writes"
    why = cross_site(scope, host)
    if why:
        return 403, "cross_site", why
    if not policy.token_ok(header(scope, b"authorization") or ""):
        return 401, "unauthorized", "writes need this server's token: Authorization: Bearer ..."
    media = (header(scope, b"content-type") or "").partition(";")[0].strip().lower()
    if media not in JSON_TYPES and has_body(scope):
        return 415, "unsupported_media_type", (f"writes take application/json, not "
                                               f"{media[:60] or 'no Content-Type'}")
    return None


async def reply(send: Send, status: int, code: str, message: str, request_id: str) -> None:
    """Send a JSON error that names the request id."""
    body = json.dumps({"status": status, "error": code, "message": message,
                       "request_id": request_id}).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    if status == 405:
        headers.append((b"allow", b"GET, HEAD"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


JSON_TOKENS = re.compile(rb'["\[\]{}]')
STRING_REST = re.compile(rb'(?:[^"\\]+|\\.)*', re.S)


class DepthMeter:
    """The deepest nesting of a JSON text fed in chunks (strings and escapes skipped)."""

    def __init__(self) -> None:
        self.depth = self.deepest = 0
        self.in_string = self.escaped = False

    def feed(self, chunk: bytes) -> int:
        """Read one more chunk; return the deepest nesting so far."""
        pos = 0
        if self.escaped and chunk:
            pos, self.escaped = 1, False
        while pos < len(chunk):
            if self.in_string:
                pos = self._string(chunk, pos)
                continue
            found = JSON_TOKENS.search(chunk, pos)
            if not found:
                break
            pos, char = found.end(), chunk[found.start()]
            if char == ord('"'):
                self.in_string = True
            elif char in b"[{":
                self.depth += 1
                self.deepest = max(self.deepest, self.depth)
            else:
                self.depth -= 1
        return self.deepest

    def _string(self, chunk: bytes, pos: int) -> int:
        end = STRING_REST.match(chunk, pos).end()  # type: ignore[union-attr]
        if end == len(chunk):
            return end
        if chunk[end] == ord("\\"):  # a backslash ends the chunk: its escaped byte is next
            self.escaped = True
            return len(chunk)
        self.in_string = False
        return end + 1


def depth_checked(receive: Receive, limit: int) -> Receive:
    """`receive` that raises TooDeep once the body nests deeper than `limit`."""
    meter = DepthMeter()

    async def checked() -> Message:
        message = await receive()
        if message["type"] == "http.request" and meter.feed(message.get("body", b"")) > limit:
            raise TooDeep(f"request body: JSON nested deeper than {limit} levels")
        return message
    return checked


def without_body(send: Send) -> Send:
    """`send` for a HEAD request: the GET answer's status and headers, no body."""
    async def head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)
    return head


def with_token_meta(send: Send, token: str) -> Send:
    """`send` that writes the token into the page's empty token meta tag."""
    filled = TOKEN_META.replace(b'content=""', f'content="{html.escape(token)}"'.encode())
    start: Message | None = None
    chunks: list[bytes] = []

    async def fill(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks).replace(TOKEN_META, filled, 1)
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers += [(b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-store"), (b"referrer-policy", b"no-referrer")]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})
    return fill


def page_token(policy: Policy, scope: Scope) -> str | None:
    """The token to put in the page: only when the page's own URL carries the right one."""
    if policy.token is None or scope["path"] != "/":
        return None
    given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
    return policy.token if hmac.compare_digest(given.encode(), policy.token.encode()) else None


class Guard:
    """Pure ASGI middleware enforcing a Policy (see the module's docstring)."""

    def __init__(self, app: App, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = secrets.token_hex(8)
        send = with_request_id(send, request_id)
        refused = refusal(self.policy, scope)
        if refused:
            await reply(send, *refused, request_id)
            return
        if scope["method"] == "HEAD":
            scope, send = {**scope, "method": "GET"}, without_body(send)
        elif scope["method"] not in SAFE_METHODS:
            receive = depth_checked(receive, MAX_JSON_DEPTH)
        token = page_token(self.policy, scope)
        if token:  # wraps the HEAD answer's send, so it counts the body GET would have had
            send = with_token_meta(send, token)
        await self.contained(scope, receive, send, request_id)

    async def contained(self, scope: Scope, receive: Receive, send: Send,
                        request_id: str) -> None:
        """Run the app; an error becomes a JSON answer instead of a dropped connection."""
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # noqa: BLE001  (one request's bug must not cost the connection)
            cause = first_cause(exc)
            if isinstance(cause, TooDeep) and not started:
                await reply(send, 400, "bad_request", str(cause), request_id)
                return
            LOG.error("request %s: %s %s failed", request_id, scope["method"], scope["path"],
                      exc_info=exc)
            if not started:
                await reply(send, 500, "internal_error", f"internal error: {type(cause).__name__} "
                            f"(request id {request_id}, in the server log)", request_id)


def first_cause(exc: BaseException) -> BaseException:
    """The first error inside exception groups (middleware task groups wrap what they catch)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def with_request_id(send: Send, request_id: str) -> Send:
    """`send` that adds the X-Request-Id header to the answer."""
    async def tagged(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", ()), (b"x-request-id", request_id.encode())]
            message = {**message, "headers": headers}
        await send(message)
    return tagged


def _read_only(routes: list[Any]) -> list[Any]:
    """The routes without those that write, also inside included routers (FastAPI keeps an
    included router as one node over its own routes)."""
    kept = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            inner.routes = _read_only(inner.routes)
        elif set(getattr(route, "methods", None) or ()) - SAFE_METHODS:
            continue
        kept.append(route)
    return kept


def install(app: AppT, policy: Policy | None = None) -> AppT:
    """Put the guard in front of a FastAPI app; a read-only policy drops its write routes."""
    policy = policy or Policy()
    if policy.read_only:
        app.router.routes = _read_only(app.router.routes)
    app.add_middleware(Guard, policy=policy)  # outermost of the app's own middleware
    return app
