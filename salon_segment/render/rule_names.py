"""The rules' names as an owner reads them (the About sheet), next to the setting name of the config file."""

from __future__ import annotations

from salon_segment.i18n import N_

RULE_NAMES: dict[str, str] = {
    "lost_after_months": N_("Lost after this many months without a visit"),
    "new_below_visits": N_("New: fewer visits than"),
    "regular_window_months": N_("Regular: months looked back"),
    "regular_min_active_months": N_("Regular: months with a visit, at least"),
    "a_product_visit_share": N_("A: share of visits with a product, at least"),
    "pareto_window_months": N_("Top clients (Pareto): months looked back"),
    "pareto_top_client_share": N_("Top clients (Pareto): share of clients"),
    "pareto_revenue_share": N_("Top clients (Pareto): share of revenue"),
    "overdue_factor": N_("Overdue: times their usual interval"),
    "overdue_min_visits": N_("Overdue: visits at least"),
    "prune_inactive": N_("Prune: without a visit for"),
    "product_keywords": N_("Words that mark a product"),
}
