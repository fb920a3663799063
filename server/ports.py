"""Whether a TCP port is free to listen on, asked before anything starts, so a port in use is
one line naming it instead of a Java trace or a server that never comes up."""

import errno
import socket


class PortTaken(Exception):
    """The message names the port and how to pick another."""


def check_free(host: str, port: int, what: str, choose: str) -> None:
    """Raises PortTaken when `port` on `host` is in use (port 0, any free port, always is
    free); `choose` says how to pick another."""
    if port == 0:
        return
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            raise PortTaken(
                f"port {port} on {host}, for {what}, is in use (another `make run`?): stop what"
                f" uses it, or {choose}"
            ) from exc
