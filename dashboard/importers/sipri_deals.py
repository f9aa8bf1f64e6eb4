"""SIPRI register rows → deal-level arms_transfers rows.

The delivery-year register gives each deal's deliveries (newest vintage: it wins on what was delivered when);
the order-level register, where given, adds the number ordered, SIPRI's comments and orders with nothing
delivered yet. The order-level file carries no deal id, so its rows are matched to register deals by supplier,
recipient, order year (±1, as SIPRI revises it), designation, description and TIV per unit.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.importers.country_names import NAMES_FILE, CountryNames, year_date
from dashboard.importers.sipri_files import DeliveryRow, OrderRow, Orders, Register
from dashboard.pipeline.problems import Problem

_DONATION = re.compile(r"\baid\b|\bgift|\bdonat|\bfree of charge\b|\bfor free\b", re.I)
# aid that only finances part of a purchase ("partly financed by US aid", "'FMF' aid") is not a donation
_FINANCING = re.compile(r"financ|\bFMF\b|\bpartly\b", re.I)
_LEASE = re.compile(r"\blease", re.I)
_HEDGED = re.compile(r"\buncertain|\bpossibly\b|\bprobably\b", re.I)
_CANCELLED = re.compile(r"\bcancel", re.I)
# a whole-deal value at the start of a comment segment: "$25 m deal", "EUR2.7 b deal (incl ...)"
_VALUE = re.compile(r"^(\$|[A-Z]{3}) ?(\d+(?:\.\d+)?) ?([mb]) deal\b")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass
class Imported:
    """One arms_transfers row and the evidence lines that cite it: (source kind, evidence text)."""

    row: dict
    evidence: list[tuple[str, str]] = field(default_factory=list)


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


def _norm(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def _designation_score(a: str, b: str) -> int:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0
    if na == nb:
        return 3
    if len(min(na, nb, key=len)) >= 2 and (na in nb or nb in na):
        return 2
    tokens = lambda s: {t for t in _NOT_ALNUM.split(s.lower()) if len(t) >= 2}  # noqa: E731
    return 1 if tokens(a) & tokens(b) else 0


def _match_score(order: OrderRow, deal: Deal) -> int | None:
    """How well an order row fits a deal; None when it cannot be the same deal."""
    d = deal.first
    if order.order_year is not None and d.order_year is not None and abs(order.order_year - d.order_year) > 1:
        return None
    same_unit = order.tiv_unit is not None and d.tiv_unit is not None and abs(order.tiv_unit - d.tiv_unit) < 0.005
    same_description = _norm(order.description) == _norm(d.description)
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


def _learned_categories(deals: dict[str, Deal], orders: Orders, matched: dict[int, str]) -> dict[str, str]:
    """Order-level descriptions ('SAM', 'APV', ...) → SIPRI armament category, learned from matched pairs."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for index, sipri_id in matched.items():
        seen[_norm(orders.rows[index].description)][deals[sipri_id].first.category] += 1
    for deal in deals.values():
        seen[_norm(deal.first.description)][deal.first.category] += 1
    return {desc: counts.most_common(1)[0][0] for desc, counts in seen.items()}


def _years_text(years: list[int]) -> str:
    if len(years) == 1:
        return f"delivery year {years[0]}"
    if len(years) <= 4:
        return "delivery years " + ", ".join(map(str, years[:-1])) + f" and {years[-1]}"
    return f"delivery years {years[0]}-{years[-1]} ({len(years)} rows)"


def _tiv(value: float) -> float:
    return round(value, 2)


def _deal_type(status: str, comments: str, local_production: bool) -> str:
    segments = [s for s in comments.split(";") if _DONATION.search(s)]
    if any(not _FINANCING.search(s) for s in segments):
        return "donation"
    if _LEASE.search(comments):
        return "unknown"  # a lease is neither a purchase nor a gift
    if local_production:
        return "licence"
    if status.lower().startswith("second hand"):
        return "second-hand"
    return "purchase"


def _value(comments: str) -> tuple[float, str] | tuple[None, None]:
    for segment in comments.split(";"):
        found = _VALUE.match(segment.strip())
        if found:
            currency = "USD" if found.group(1) == "$" else found.group(1)
            scale = 1e6 if found.group(3) == "m" else 1e9
            return round(float(found.group(2)) * scale), currency
    return None, None


def _status(delivered: int, ordered: int | None, last_year: int | None, cut_off: int, comments: str) -> str:
    if delivered == 0:
        return "cancelled" if _CANCELLED.search(comments) else "ordered"
    if ordered is not None:
        return "delivered" if delivered >= ordered else "delivering"
    # without a number ordered, deliveries in the register's last year may go on after its cut-off
    return "delivering" if last_year == cut_off else "delivered"


def _order_evidence(order: OrderRow) -> str:
    years = "; ".join(map(str, order.delivery_years)) or "none"
    text = (
        f"Order row {order.supplier} to {order.recipient}, {order.designation}, order year "
        f"{order.order_year}{'?' if order.order_year_est else ''}: ordered {_count(order.ordered)}, "
        f"delivered {_count(order.delivered)} (years: {years})"
    )
    if order.comments:
        text += f"; comments: {order.comments}"
    return text if len(text) <= 300 else text[:297] + "..."


def _count(value: int | None) -> str:
    return "unknown" if value is None else str(value)


@dataclass
class Context:
    register: Register
    orders: Orders | None
    names: CountryNames
    countries: set[str]
    recipients: set[str]
    orders_last_year: int | None = None  # the last delivery year in the order-level file
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # human-readable notes on rows left out

    def codes(self, path: Path, line: int, supplier: str, recipient: str, year: int | None) -> tuple[str, str] | None:
        """(recipient_iso3, supplier_iso3) for a row of a chosen recipient, else None.

        Names are read as of the row's order year, else its first delivery year (`year`): the names table dates
        labels whose meaning changed, e.g. "Yugoslavia", which SIPRI uses only on orders up to 1991 (the SFRY).
        """
        on = year_date(year) if year is not None else None
        recipient_iso3 = self.names.iso3(recipient, on)
        if recipient_iso3 not in self.recipients:
            return None
        supplier_iso3 = self.names.iso3(supplier, on)
        if supplier_iso3 is None:
            if on is None and self.names.dated(supplier):
                self.problems.append(
                    Problem(
                        str(path),
                        line,
                        "supplier",
                        f"{supplier!r} names different countries over time and this row has no order or delivery year",
                    )
                )
            elif self.names.known(supplier) or supplier.endswith("*"):
                self.skipped.append(f"{path}:{line}: supplier {supplier!r} has no country code; row left out")
            else:
                self.problems.append(
                    Problem(str(path), line, "supplier", f"unknown country name {supplier!r}: add it to {NAMES_FILE}")
                )
            return None
        if supplier_iso3 not in self.countries:
            self.problems.append(
                Problem(
                    str(path), line, "supplier", f"{supplier!r} maps to {supplier_iso3}, which is not in countries.csv"
                )
            )
            return None
        return recipient_iso3, supplier_iso3


def _estimate_notes(deal: Deal, order: OrderRow | None) -> str | None:
    marked = []
    if deal.first.order_year_est:
        marked.append("the order year")
    if order is not None and order.ordered_est:
        marked.append("the number ordered")
    est_numbers = [str(r.delivery_year) for r in deal.rows if r.delivered_est]
    if est_numbers:
        marked.append("the number delivered in " + ", ".join(est_numbers))
    est_years = [str(r.delivery_year) for r in deal.rows if r.delivery_year_est]
    if est_years:
        marked.append("the delivery year " + ", ".join(est_years))
    return "SIPRI estimates: " + "; ".join(marked) + "." if marked else None


def _row(transfer_id: str, codes: tuple[str, str], comments: str, notes: list[str], estimated: bool, **fields) -> dict:
    """The fields every imported row derives the same way: ids, value from the comments, confidence, notes."""
    value, currency = _value(comments)
    hedged = estimated or bool(_HEDGED.search(comments))
    return {
        "transfer_id": transfer_id,
        "recipient_iso3": codes[0],
        "supplier_iso3": codes[1],
        "value_amount": value,
        "value_currency": currency,
        "confidence": "medium" if hedged else "high",
        "notes": " ".join(notes) or None,
        **fields,
    }


def deal_row(deal: Deal, order: OrderRow | None, codes: tuple[str, str], ctx: Context) -> Imported:
    d, register = deal.first, ctx.register
    years = [r.delivery_year for r in deal.rows]
    delivered = deal.delivered
    tivs = [r.tiv_delivered for r in deal.rows if r.tiv_delivered is not None]
    tiv = _tiv(sum(tivs)) if tivs else None
    first_year = years[0]
    comments = order.comments if order else ""
    notes = []
    if len(deal.rows) > 1:
        notes.append(
            "Deliveries by year (SIPRI): "
            + "; ".join(f"{r.delivery_year}: {_count(r.delivered)}" for r in deal.rows)
            + "."
        )
    estimates = _estimate_notes(deal, order)
    if estimates:
        notes.append(estimates)
    if order is not None:
        early = [y for y in order.delivery_years if y < register.first_year]
        if early:
            # the delivery-year register leaves out years before its range; the order row still counts them
            first_year = min(early)
            delivered = max(delivered, order.delivered or 0)
            if order.tiv_delivered is not None:
                tiv = max(tiv or 0.0, order.tiv_delivered)
            notes.append(
                f"Deliveries before {register.first_year} are outside the delivery-year register; "
                f"the total delivered and first year come from the order-level register."
            )
        else:
            # compare like with like: the register's deliveries up to the order-level release's last year
            cut = ctx.orders_last_year or register.last_year
            earlier = sum(r.delivered or 0 for r in deal.rows if r.delivery_year <= cut)
            earlier_years = tuple(y for y in years if y <= cut)
            if (order.delivered or 0) != earlier or order.delivery_years != earlier_years:
                listed = "; ".join(map(str, order.delivery_years)) or "none"
                notes.append(
                    f"The earlier order-level release listed {_count(order.delivered)} delivered (years: {listed})."
                )
        if order.order_year is not None and order.order_year != d.order_year:
            notes.append(f"The order-level release gives order year {order.order_year}.")
        if comments:
            notes.append(f"SIPRI comments: {comments}.")
    ordered = order.ordered if order else None
    if ordered is not None and delivered > ordered:
        # the newer register delivered more than the older release had on order: that count is out of date
        notes.append(f"The order-level release gave {ordered} ordered, fewer than delivered since.")
        ordered = None
    row = _row(
        f"sipri-{deal.sipri_id}",
        codes,
        comments,
        notes,
        estimates is not None,
        designation=d.designation,
        description=d.description or None,
        category=d.category,
        quantity_ordered=ordered,
        quantity_delivered=delivered,
        order_year=d.order_year,
        delivery_first_year=first_year,
        delivery_last_year=years[-1],
        deal_type=_deal_type(d.status, comments, d.local_production),
        sipri_tiv_m=tiv,
        status=_status(delivered, ordered, years[-1], register.last_year, comments),
        sipri_id=deal.sipri_id,
    )
    evidence = [
        (
            "register",
            f"Deal {deal.sipri_id} ({d.supplier} to {d.recipient}, {d.designation}): rows for {_years_text(years)}",
        )
    ]
    if order is not None:
        evidence.append(("orders", _order_evidence(order)))
    return Imported(row, evidence)


def order_row(order: OrderRow, codes: tuple[str, str], category: str, ctx: Context) -> Imported:
    """An order the delivery-year register does not show (nothing delivered in its year range)."""
    comments = order.comments
    notes = [
        f"No deliveries recorded: the order-level register lists {_count(order.delivered)} delivered and "
        f"no deal of the delivery-year register (deliveries to {ctx.register.last_year}) matches it."
    ]
    marked = [
        what
        for what, flag in (("the order year", order.order_year_est), ("the number ordered", order.ordered_est))
        if flag
    ]
    if marked:
        notes.append("SIPRI estimates: " + "; ".join(marked) + ".")
    if order.tiv_total:
        notes.append(f"SIPRI TIV of the whole order: {_tiv(order.tiv_total):g} m.")
    if comments:
        notes.append(f"SIPRI comments: {comments}.")
    slug = "-".join(p for p in _NOT_ALNUM.split(order.designation.lower()) if p)
    row = _row(
        f"sipri-order-{codes[0].lower()}-{codes[1].lower()}-{order.order_year}-{slug}",
        codes,
        comments,
        notes,
        bool(marked),
        designation=order.designation,
        description=order.description or None,
        category=category,
        quantity_ordered=order.ordered,
        quantity_delivered=0,
        order_year=order.order_year,
        delivery_first_year=None,
        delivery_last_year=None,
        deal_type=_deal_type(order.status, comments, False),
        sipri_tiv_m=None,
        status=_status(0, order.ordered, None, ctx.register.last_year, comments),
        sipri_id=None,
    )
    return Imported(row, [("orders", _order_evidence(order))])


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
        categories = _learned_categories(deals, orders, matched)
        by_designation = {_norm(d.first.designation): d.first.category for d in deals.values()}
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
            category = by_designation.get(_norm(order.designation)) or categories.get(_norm(order.description))
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
