"""Text from the data is shown literally: no Markdown, HTML or LaTeX gets through."""

from __future__ import annotations

from dashboard.style.text import md_escape, source_markdown, source_plain


def test_md_escape_neutralises_markup():
    raw = "<script>x</script> [link](http://evil) **bold** $x$ _i_ `code`"
    out = md_escape(raw)
    assert "<script>" not in out
    assert "](" not in out and "**" not in out and "$x$" not in out
    assert "\\[link\\]" in out


def test_source_markdown_links_only_http_urls():
    assert (
        source_markdown("T [x]", "https://a.org/p?q=(1)", "Pub", None) == "[T \\[x\\]](https://a.org/p?q=(1%29) — Pub"
    )
    assert "](" not in source_markdown("T", "javascript:alert(1)")


def test_source_plain_formats_dates():
    import datetime as dt

    assert source_plain("T", "Pub", dt.date(2024, 5, 1)) == "T, Pub, 2024-05-01"
    assert source_plain("T", None, None) == "T"


def test_plotly_text_is_escaped_and_wrapped():
    from dashboard.style.text import plotly_escape, plotly_wrapped

    assert plotly_escape("<a href='x'>y</a> & z") == "&lt;a href='x'&gt;y&lt;/a&gt; &amp; z"
    assert plotly_escape(None) == "" and plotly_escape(float("nan")) == ""
    wrapped = plotly_wrapped("<b> " + "word " * 100, width=20, lines=2)
    assert wrapped.startswith("&lt;b&gt;") and wrapped.count("<br>") == 1 and wrapped.endswith("…")
