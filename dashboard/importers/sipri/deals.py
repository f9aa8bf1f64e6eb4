"""Match step: group the register's delivery rows into deals and pair order-level rows with them.

The delivery-year register gives each deal's deliveries (newest vintage: it wins on what was delivered when);
the order-level register, where given, adds the number ordered, SIPRI's comments and orders with nothing
delivered yet. The order-level file carries no deal id, so its rows are matched to register deals by supplier,
recipient, order year (±1, as SIPRI revises it), designation, description and TIV per unit.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from dashboard.importers.sipri.read_orders import OrderRow, Orders
from dashboard.importers.sipri.read_register import DeliveryRow, Register

NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Deal:
    sipri_id: str
    rows: tuple[DeliveryRow, ...]

    @property
    def first(self) -> DeliveryRow:
        return self.rows[0]

    @property
    def delivered(self) -> int:
        return sum(r.delivered or 0 for r in self.rows)


def group_deals(register: Register) -> dict[str, Deal]:
    grouped: dict[str, list[DeliveryRow]] = defaultdict(list)
    for row in register.rows:
        grouped[row.sipri_id].append(row)
    return {i: Deal(i, tuple(sorted(rows, key=lambda r: r.delivery_year))) for i, rows in grouped.items()}


def norm(text: str) -> str:
    return NOT_ALNUM.sub("", text.lower())


def _designation_score(a: str, b: str) -> int:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 0
    if na == nb:
        return 3
    if len(min(na, nb, key=len)) >= 2 and (na in nb or nb in na):
        return 2
    tokens = lambda s: {t for t in NOT_ALNUM.split(s.lower()) if len(t) >= 2}  # noqa: E731
    return 1 if tokens(a) & tokens(b) else 0


def _match_score(order: OrderRow, deal: Deal) -> int | None:
    """How well an order row fits a deal; None when it cannot be the same deal."""
    d = deal.first
    if order.order_year is not None and d.order_year is not None and abs(order.order_year - d.order_year) > 1:
        return None
    same_unit = order.tiv_unit is not None and d.tiv_unit is not None and abs(order.tiv_unit - d.tiv_unit) < 0.005
    same_description = norm(order.description) == norm(d.description)
    name = _designation_score(order.designation, d.designation)
    if name == 0 and not (same_unit and same_description):
        return None
    return (
        10 * name
        + 3 * (order.order_year == d.order_year)
        + 2 * same_description
        + 2 * same_unit
        + (order.ordered is None or deal.delivered <= order.ordered)
        + bool(order.delivered)
        + (order.delivered == deal.delivered)
    )


def match_orders(deals: dict[str, Deal], orders: Orders) -> dict[int, str]:
    """Order row index → SIPRI deal id, one to one, best-scoring pairs first."""
    by_pair: dict[tuple[str, str], list[Deal]] = defaultdict(list)
    for deal in deals.values():
        by_pair[(deal.first.supplier, deal.first.recipient)].append(deal)
    candidates = []
    for index, order in enumerate(orders.rows):
        for deal in by_pair.get((order.supplier, order.recipient), ()):
            score = _match_score(order, deal)
            if score is not None:
                candidates.append((-score, index, deal.sipri_id))
    matched: dict[int, str] = {}
    taken: set[str] = set()
    for _, index, sipri_id in sorted(candidates):
        if index not in matched and sipri_id not in taken:
            matched[index] = sipri_id
            taken.add(sipri_id)
    return matched


def learned_categories(deals: dict[str, Deal], orders: Orders, matched: dict[int, str]) -> dict[str, str]:
    """Order-level descriptions ('SAM', 'APV', ...) → SIPRI armament category, learned from matched pairs."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for index, sipri_id in matched.items():
        seen[norm(orders.rows[index].description)][deals[sipri_id].first.category] += 1
    for deal in deals.values():
        seen[norm(deal.first.description)][deal.first.category] += 1
    return {desc: counts.most_common(1)[0][0] for desc, counts in seen.items()}
