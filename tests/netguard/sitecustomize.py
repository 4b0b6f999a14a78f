"""A network guard for tests: no socket may connect beyond this machine.

Put this folder on PYTHONPATH and Python imports this file at start-up (``site`` imports any
``sitecustomize`` on the path), so every subprocess a test starts is guarded too. In-process, the
autouse fixture of ``tests/conftest.py`` calls :func:`install` directly.

Blocked: ``socket.connect``/``connect_ex`` to any non-loopback address, and name lookups of
anything but ``localhost`` and IP literals (a DNS query is network traffic too). Allowed: loopback
(127.0.0.0/8, ::1, localhost) and AF_UNIX, so tests may run local servers. With the environment
variable ``ALKKG_NETGUARD=strict`` every AF_INET/AF_INET6 connect is blocked, loopback included.

Only Python sockets are guarded: native code that opens its own sockets (Rust in pyoxigraph) is
not; alkkg refuses SERVICE before any engine runs, and the tests check that separately.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from typing import Any

#: every blocked attempt, as "connect 192.0.2.1:80" or "resolve example.org" (in-process only)
BLOCKED: list[str] = []


class NetworkBlockedError(ConnectionRefusedError):
    """Raised instead of connecting: a test (or the code under test) tried to reach the network."""


def _strict() -> bool:
    return os.environ.get("ALKKG_NETGUARD", "").lower() == "strict"


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _is_ip_literal(host: object) -> bool:
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0])
    except ValueError:
        return False
    return True


def _refuse(what: str) -> NetworkBlockedError:
    BLOCKED.append(what)
    return NetworkBlockedError(f"netguard: blocked {what} (tests must not reach the network)")


def _check_connect(sock: socket.socket, address: Any) -> None:
    family = getattr(sock, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return  # AF_UNIX and the like stay on this machine
    host = address[0] if isinstance(address, tuple) and address else address
    port = address[1] if isinstance(address, tuple) and len(address) > 1 else "?"
    if _strict() or not _is_loopback(host):
        raise _refuse(f"connect {host}:{port}")


def install() -> Callable[[], None]:
    """Guard this process's sockets; return a function that removes the guard."""
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        _check_connect(self, address)
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check_connect(self, address)
        return original_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and not _is_loopback(name) and not _is_ip_literal(name):
            raise _refuse(f"resolve {name}")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo

    def uninstall() -> None:
        socket.socket.connect = original_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = original_getaddrinfo

    return uninstall


if __name__ == "sitecustomize":  # imported by `site` at start-up: guard the whole process
    install()
