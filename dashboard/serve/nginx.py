"""The nginx configuration in front of the replicas (rendered by the supervisor into its run folder).

- Session affinity that works for every client, loopback ones included: nginx gives each new browser a
  cookie holding its own `$request_id` and hashes on that cookie (`ip_hash` would send every client
  behind one address, and every loopback client, to the same replica). The websocket `/_stcore/stream`
  and the `/media/` files a download fetches carry the cookie, so they reach the replica holding the session.
- The websocket upgraded and kept open; gzip; Streamlit's static assets cached by nginx; security headers
  (nosniff, a Content-Security-Policy whose `frame-ancestors` lists where embedding is allowed,
  Referrer-Policy); `/_stcore/metrics` closed, `/_stcore/health` open; the data API open to any origin.
"""

from __future__ import annotations

from pathlib import Path

COOKIE = "sam_replica"
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
    "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
)
MIME_TYPES = "/etc/nginx/mime.types"  # Debian's nginx-common


def _security_headers(ancestors: str) -> str:
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": CSP.format(ancestors=ancestors),
        "Set-Cookie": "$affinity_cookie",  # empty (not sent) once the browser has its cookie
    }
    return "\n".join(f'        add_header {k} "{v}" always;' for k, v in headers.items())


def render(run_dir: Path, port: int, replicas: list[int], frame_ancestors: str = "'self'") -> str:
    """nginx.conf listening on 127.0.0.1:`port`, proxying to the replicas on 127.0.0.1:`replicas`.

    `frame_ancestors`: the CSP source list of sites allowed to embed pages (e.g. "'self' https://x.org");
    add_header is not inherited by a location that sets its own, so every location repeats the set."""
    headers = _security_headers(frame_ancestors)
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in replicas)
    proxy = """        proxy_http_version 1.1;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;"""
    return f"""# rendered by dashboard/serve/nginx.py; nginx -p {run_dir} -c nginx.conf
worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/error.log warn;
events {{ worker_connections 4096; }}

http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    server_tokens off;
    log_format affinity '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                        'replica=$upstream_addr affinity=$affinity cache=$upstream_cache_status';
    access_log {run_dir}/access.log affinity;
    client_body_temp_path {run_dir}/tmp/body;
    proxy_temp_path {run_dir}/tmp/proxy;
    fastcgi_temp_path {run_dir}/tmp/fastcgi;
    uwsgi_temp_path {run_dir}/tmp/uwsgi;
    scgi_temp_path {run_dir}/tmp/scgi;
    proxy_cache_path {run_dir}/cache levels=1:2 keys_zone=static:10m max_size=200m inactive=1d use_temp_path=off;

    gzip on;
    gzip_vary on;
    gzip_proxied any;
    gzip_min_length 1024;
    gzip_types text/plain text/css text/csv application/javascript application/json image/svg+xml application/wasm;

    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    # affinity: the browser's own cookie, or (first request) this request's id, which the cookie then keeps
    map $cookie_{COOKIE} $affinity {{ "" $request_id; default $cookie_{COOKIE}; }}
    map $cookie_{COOKIE} $affinity_cookie {{ "" "{COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }}

    upstream replicas {{
        hash $affinity consistent;
{servers}
        keepalive 32;
    }}

    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 1m;

        location / {{
{proxy}
            proxy_set_header Connection "";
            proxy_pass http://replicas;
{headers}
        }}
        location = /_stcore/stream {{
{proxy}
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
            proxy_pass http://replicas;
{headers}
        }}
        location = /_stcore/health {{
{proxy}
            proxy_set_header Connection "";
            proxy_pass http://replicas;
        }}
        location = /_stcore/metrics {{ return 404; }}
        # the frontend's hashed bundles and the app's own static files: the same in every replica
        location ~ ^/(static|app/static)/ {{
{proxy}
            proxy_set_header Connection "";
            proxy_set_header Cookie "";
            proxy_cache static;
            proxy_cache_valid 200 1d;
            proxy_ignore_headers Set-Cookie;
            proxy_pass http://replicas;
            add_header X-Cache-Status $upstream_cache_status always;
{headers}
        }}
        location /api/ {{
{proxy}
            proxy_hide_header X-Content-Type-Options;  # the API sets it for direct use; nginx adds it here
            proxy_set_header Connection "";
            proxy_pass http://replicas;
{headers}
        }}
    }}
}}
"""
