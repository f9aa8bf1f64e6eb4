"""The SIPRI rows of the chosen recipients: every register deal, and every order the register does not show."""

from __future__ import annotations

from collections import Counter

from dashboard.importers.sipri.context import Context
from dashboard.importers.sipri.deals import group_deals, learned_categories, match_orders, norm
from dashboard.importers.sipri.rows import Imported, deal_row, order_row
from dashboard.pipeline.problems import Problem


def build(ctx: Context) -> list[Imported]:
    """Every deal and undelivered order of the chosen recipients, as arms_transfers rows."""
    deals = group_deals(ctx.register)
    orders = ctx.orders
    matched = match_orders(deals, orders) if orders else {}
    if orders:
        ctx.orders_last_year = max((y for o in orders.rows for y in o.delivery_years), default=None)
    order_of = {sipri_id: orders.rows[i] for i, sipri_id in matched.items()} if orders else {}
    out: list[Imported] = []
    for deal in deals.values():
        codes = ctx.codes(
            ctx.register.path,
            deal.first.line,
            deal.first.supplier,
            deal.first.recipient,
            deal.first.order_year or deal.first.delivery_year,
        )
        if codes:
            out.append(deal_row(deal, order_of.get(deal.sipri_id), codes, ctx))
    if orders:
        categories = learned_categories(deals, orders, matched)
        by_designation = {norm(d.first.designation): d.first.category for d in deals.values()}
        for index, order in enumerate(orders.rows):
            if index in matched:
                continue
            if order.delivered and not any(y >= ctx.register.first_year for y in order.delivery_years):
                continue  # delivered before the register's range: outside this table
            codes = ctx.codes(
                orders.path,
                order.line,
                order.supplier,
                order.recipient,
                order.order_year or min(order.delivery_years, default=None),
            )
            if not codes:
                continue
            if order.delivered:
                ctx.skipped.append(
                    f"{orders.path}:{order.line}: {order.designation} ({order.supplier}, "
                    f"{order.order_year}) has deliveries but no matching register deal; left out"
                )
                continue
            category = by_designation.get(norm(order.designation)) or categories.get(norm(order.description))
            if category is None:
                ctx.problems.append(
                    Problem(
                        str(orders.path),
                        order.line,
                        "description",
                        f"cannot tell SIPRI's armament category for {order.description!r}",
                    )
                )
                continue
            out.append(order_row(order, codes, category, ctx))
    _unique_ids(out)
    return out


def _unique_ids(rows: list[Imported]) -> None:
    seen: Counter = Counter()
    for item in rows:
        base = item.row["transfer_id"]
        seen[base] += 1
        if seen[base] > 1:
            item.row["transfer_id"] = f"{base}-{seen[base]}"
