"""The thresholds behind every segment and figure, as one frozen object.

Defaults follow ../shared/DOMAIN.md; a salon changes them in the ``[rules]`` table of its config file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from salon_segment.duration import parse_duration

DEFAULT_PRODUCT_KEYWORDS: tuple[str, ...] = (
    # Only words that name retail products and no treatment: "gel", "wax", "mask", "oil", "spray" and "cream"
    # are manicures, waxing, facials and tans as often as products. A retail size ("250 ml", "100 g") in the
    # item name also marks a product; the export's own type column and a --products listing come first.
    # English
    "shampoo", "conditioner", "serum", "mousse", "lotion", "hairspray", "leave-in", "product", "retail",
    # Dutch
    "haarlak", "verzorgingsproduct", "product",
    # Russian
    "шампунь", "кондиционер", "сыворотка", "лосьон", "товар",
    # German / French
    "haarspray", "pflegeprodukt", "produit", "après-shampooing",
)  # fmt: skip


@dataclass(frozen=True)
class Rules:
    """Every threshold used in scoring. Month counts are calendar months before ``as_of``."""

    lost_after_months: int = 2
    new_below_visits: int = 3
    regular_window_months: int = 6
    regular_min_active_months: int = 6
    a_product_visit_share: float = 1 / 3
    pareto_window_months: int = 12
    pareto_top_client_share: float = 0.2
    pareto_revenue_share: float = 0.8
    overdue_factor: float = 1.5
    overdue_min_visits: int = 3
    prune_inactive: str = "24m"  # how long without a visit before a client is a prune candidate
    product_keywords: tuple[str, ...] = DEFAULT_PRODUCT_KEYWORDS

    def __post_init__(self) -> None:
        checks = [
            (self.lost_after_months >= 1, "lost_after_months must be at least 1"),
            (self.new_below_visits >= 1, "new_below_visits must be at least 1"),
            (self.regular_window_months >= 1, "regular_window_months must be at least 1"),
            (
                1 <= self.regular_min_active_months <= self.regular_window_months,
                "regular_min_active_months must lie between 1 and regular_window_months",
            ),
            (0 <= self.a_product_visit_share <= 1, "a_product_visit_share must lie between 0 and 1"),
            (self.pareto_window_months >= 1, "pareto_window_months must be at least 1"),
            (0 < self.pareto_top_client_share <= 1, "pareto_top_client_share must lie in (0, 1]"),
            (0 < self.pareto_revenue_share <= 1, "pareto_revenue_share must lie in (0, 1]"),
            (self.overdue_factor > 0, "overdue_factor must be positive"),
            (self.overdue_min_visits >= 2, "overdue_min_visits must be at least 2"),
        ]
        for ok, message in checks:
            if not ok:
                raise ValueError(message)
        parse_duration(self.prune_inactive)  # ValueError naming the accepted forms

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Rules:
        """Build rules from a config table; unknown keys raise ValueError naming them."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown rule(s) {', '.join(unknown)}; known rules are {', '.join(sorted(known))}")
        values = dict(values)
        if "product_keywords" in values:
            values["product_keywords"] = tuple(str(k) for k in values["product_keywords"])
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for reports and JSON (keywords as a list)."""
        out = asdict(self)
        out["product_keywords"] = list(self.product_keywords)
        return out
