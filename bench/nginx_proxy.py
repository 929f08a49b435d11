"""Run Debian's nginx with the documented configuration (deploy/nginx/newsdesk.conf) in front of
a Newsdesk server, for tests/test_nginx.py and the benchmarks. Its ports, cache and logs go
where the caller says; nothing else of the configuration changes."""

import contextlib
import getpass
import shutil
import socket
import subprocess
import time
from pathlib import Path

CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "newsdesk.conf"


def nginx_binary():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if Path(path).exists()), None
    )


def site_conf(*, upstream: str, port: int, cache_dir: Path) -> str:
    text = CONF.read_text()
    for documented, actual in [
        ("/var/cache/nginx/newsdesk", str(cache_dir)),
        ("server 127.0.0.1:8000;", f"server {upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
    ]:
        assert documented in text, f"{documented!r} is no longer in {CONF}"
        text = text.replace(documented, actual)
    return text


@contextlib.contextmanager
def nginx_in_front(*, upstream, port, workdir: Path, workers=1, static_file=None, static_port=None):
    """nginx serving the site on `port`; with `static_file`, also that file on `static_port`
    (the ceiling: nginx sending a file from disk)."""
    workdir.mkdir(parents=True, exist_ok=True)
    static = ""
    if static_file is not None:
        static = f"""
    server {{
        listen 127.0.0.1:{static_port};
        location = /static.html {{ alias {static_file}; }}
    }}"""
    temp = {name: workdir / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    conf = workdir / "nginx.conf"
    conf.write_text(f"""
user {getpass.getuser()};
worker_processes {workers};
daemon off;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{site_conf(upstream=upstream, port=port, cache_dir=workdir / "cache")}
{static}
}}
""")
    server = subprocess.Popen(
        [nginx_binary(), "-c", str(conf), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, server)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_port(port, server, deadline=10.0):
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"nginx exited: {server.stderr.read().decode()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port}")


def free_port(start, end) -> int:
    """A free port in [start, end): the ports this machine gives the caller."""
    for port in range(start, end):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {start}-{end}")
