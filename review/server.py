"""Running the desk: the listening socket bound first (so the address printed is the one that
answers, port 0 included), then uvicorn until Ctrl-C."""

from __future__ import annotations

import socket
from typing import Callable

import uvicorn

from baocao.i18n import N_


class ServeError(Exception):
    pass



def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise ServeError(N_("cannot listen on {host}:{port} ({reason}): give another --port, or stop the program "
                            "that uses it").format(host=host, port=port, reason=e.strerror or e)) from e
    return sock


def address_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(app, sock: socket.socket, ready: Callable[[str], None]) -> None:
    """Serve `app` on `sock` until Ctrl-C (or SIGTERM), which ends it cleanly: requests under
    way are finished, then it returns."""
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    ready(address_of(sock))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass   # uvicorn raises the signal again once it has shut down: the stop asked for
    finally:
        sock.close()
