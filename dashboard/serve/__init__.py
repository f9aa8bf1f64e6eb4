"""Serving the dashboard to the public: the ASGI app with the open data endpoints (`asgi.py`, `api.py`),
and `python -m dashboard.serve`, which runs replicas of it behind nginx (`supervisor.py`, `nginx.py`)."""
