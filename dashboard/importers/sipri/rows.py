"""Row step: one deal (with its matched order, if any) or one undelivered order → an arms_transfers row and the
evidence lines that cite it. deal_type, status, confidence, value and notes are derived here from SIPRI's
figures and comments; judgements beyond them go to curated/corrections.csv."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.importers.sipri.context import Context
from dashboard.importers.sipri.deals import NOT_ALNUM, Deal
from dashboard.importers.sipri.read_orders import OrderRow

_DONATION = re.compile(r"\baid\b|\bgift|\bdonat|\bfree of charge\b|\bfor free\b", re.I)
# aid that only finances part of a purchase ("partly financed by US aid", "'FMF' aid") is not a donation
_FINANCING = re.compile(r"financ|\bFMF\b|\bpartly\b", re.I)
_LEASE = re.compile(r"\blease", re.I)
_HEDGED = re.compile(r"\buncertain|\bpossibly\b|\bprobably\b", re.I)
_CANCELLED = re.compile(r"\bcancel", re.I)
# a whole-deal value at the start of a comment segment: "$25 m deal", "EUR2.7 b deal (incl ...)"
_VALUE = re.compile(r"^(\$|[A-Z]{3}) ?(\d+(?:\.\d+)?) ?([mb]) deal\b")


@dataclass
class Imported:
    """One arms_transfers row and the evidence lines that cite it: (source kind, evidence text)."""

    row: dict
    evidence: list[tuple[str, str]] = field(default_factory=list)


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
    slug = "-".join(p for p in NOT_ALNUM.split(order.designation.lower()) if p)
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
