"""Run the hub on uvicorn in a background thread (tests, the bench) or in the foreground
(`room host`). The thread can be stopped and a new one started on the same port: that is
how the tests take the hub down and bring it back."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def proxy_settings(trusted_proxies: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """Behind a reverse proxy every request comes from the proxy's address, so the rate
    limit (per client address) would count the whole room as one client. Only a proxy
    named here may say who the real client is (X-Forwarded-For); with none named the
    header is ignored, so a player cannot dodge the limit by sending it themselves."""
    if not trusted_proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted_proxies)}


class ServerThread:
    def __init__(
        self,
        app: Any,
        host: str = "127.0.0.1",
        port: int = 0,
        trusted_proxies: tuple[str, ...] = (),
    ) -> None:
        self.host, self.port = host, port or free_port(host)
        config = uvicorn.Config(
            app,
            host=self.host,
            port=self.port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            **proxy_settings(trusted_proxies),
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
