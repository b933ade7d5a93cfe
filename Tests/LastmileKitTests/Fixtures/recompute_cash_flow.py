#!/usr/bin/env python3
"""An independent recomputation of one scenario's yearly cash flow from a run's inputs.

Usage: recompute_cash_flow.py RUN_DIR [SCENARIO]

Reads RUN_DIR/run.json (the study's parameters and the built areas' passings, build years, household
densities and measured route miles) and RUN_DIR/results.csv (each area's location counts), rebuilds
the take rates, the cost to pass, every capital line, the grant and the debt service with its own
code, and compares each year with run.json's scenario. Prints one line per year and exits 1 when any
amount differs by half a cent or more. Only the retail kind is modelled.
"""
import csv
import json
import math
import sys

run_dir = sys.argv[1]
scenario_name = sys.argv[2] if len(sys.argv) > 2 else "retail"
run = json.load(open(run_dir + "/run.json"))
given = run["parameters"]

# Defaults for keys a study leaves out (each is printed with its source on the report's method page).
DEFAULTS = {
    "demand.take_rate": 0.45, "demand.unserved_uplift": 0.25, "demand.competitor_penalty": 0.25,
    "demand.price_elasticity": -0.62, "demand.reference_price": 65, "demand.household_growth": 0.005,
    "demand.churn": 0.12, "demand.ramp": [0.45, 0.75, 0.90, 1.0],
    "cost.construction_cost_index": 1.227, "cost.underground_share": 0.5, "cost.underground_per_foot": 18,
    "cost.aerial_per_foot": 8, "cost.drop_and_ont": 650, "cost.electronics_per_subscriber": 150,
    "cost.hub_electronics_per_passing": 100, "cost.make_ready_per_aerial_mile": 10000, "cost.middle_mile": 0, "cost.middle_mile_miles": 0, "cost.middle_mile_per_mile": 0,
    "cost.electronics_refresh_years": 10, "cost.electronics_refresh_share": 1.0, "cost.customer_acquisition": 100,
    "cost.contingency": 0.10,
    "finance.arpu": 65, "finance.opex_per_subscriber_month": 20, "finance.opex_per_passing_year": 30,
    "finance.opex_fixed_year": 250000, "finance.horizon_years": 20, "finance.bond_share": 1.0,
    "finance.bond_rate": 0.04, "finance.bond_term_years": 20, "finance.grant": 0, "finance.grant_per_passing": 0,
    "finance.price_change": 0, "finance.discount_rate": 0.04,
    "finance.capitalized_interest_years": 0, "finance.debt_service_reserve": False,
}


def param(key):
    return given[key] if key in given else DEFAULTS[key]


assert given.get("demand.adoption", "ramp") == "ramp", "this check models the ramp"
assert given.get("cost.method") == "density", "this check models the density method"
assert given.get("demand.take_rate_basis", "fixed") == "fixed", "this check models one base take for every area"
assert given.get("plan.build", "areas") == "areas", "this check models whole areas"
CARTESIAN = [(1525, 668), (767, 1313), (302, 2187), (63, 3656)]  # group lower bound, 2019 average

counts = {row["area"]: row for row in csv.DictReader(open(run_dir + "/results.csv"))}
horizon = int(param("finance.horizon_years"))
years = range(horizon + 1)
contingency = 1 + param("cost.contingency")
ramp = param("demand.ramp")
growth = param("demand.household_growth")
price_factor = (param("finance.arpu") / param("demand.reference_price")) ** param("demand.price_elasticity")
blended_foot = (param("cost.underground_share") * param("cost.underground_per_foot")
                + (1 - param("cost.underground_share")) * param("cost.aerial_per_foot"))

subs = [0.0] * (horizon + 1)
in_service = [0.0] * (horizon + 1)
cost_to_pass = [0.0] * (horizon + 1)
hub = [0.0] * (horizon + 1)
make_ready = [0.0] * (horizon + 1)
passings_built = 0
for a in run["business_case"]["areas"]:
    row = counts[a["area"]]
    locations, unserved, served = int(row["locations"]), int(row["unserved"]), int(row["served"])
    take = param("demand.take_rate") * (1 + param("demand.unserved_uplift") * unserved / locations) \
        * (1 - param("demand.competitor_penalty") * served / locations) * price_factor
    take = min(1.0, max(0.0, take))
    n, built = a["passings"], a["build_year"]
    density = a["households_per_sq_mi"]
    group = next((cost for bound, cost in CARTESIAN if density >= bound), None)
    if group is not None:
        per_passing = group * param("cost.construction_cost_index")
        miles = 0.0
    else:  # below 63/mi²: the route model over measured road miles
        miles = a["route_miles"]
        per_passing = miles * 5280 * blended_foot / n
    for name, mine in (("take_rate", take), ("cost_to_pass", per_passing * contingency * n)):
        assert abs(mine - a[name]) < 1e-6 * max(1, abs(mine)), (a["area"], name, mine, a[name])
    passings_built += n
    cost_to_pass[built] += per_passing * contingency * n
    hub[built] += n * param("cost.hub_electronics_per_passing") * contingency
    make_ready[built] += miles * (1 - param("cost.underground_share")) * param("cost.make_ready_per_aerial_mile") * contingency
    for t in years:
        if t > built:
            p = n * (1 + growth) ** t
            in_service[t] += p
            k = t - built
            subs[t] += p * take * (ramp[k - 1] if k <= len(ramp) else ramp[-1])

grant_total = param("finance.grant") + param("finance.grant_per_passing") * passings_built
total_pass = sum(cost_to_pass)
refresh_every = int(param("cost.electronics_refresh_years"))
bought = [0.0] * (horizon + 1)
rows = []
for t in years:
    new = max(0.0, subs[t] - (subs[t - 1] if t > 0 else 0.0))
    capital = {
        "cost_to_pass": cost_to_pass[t], "hub_electronics": hub[t], "make_ready": make_ready[t],
        "middle_mile": (param("cost.middle_mile") + param("cost.middle_mile_miles") * param("cost.middle_mile_per_mile"))
        * contingency if t == 0 else 0.0,
        "connection": new * (param("cost.drop_and_ont") + param("cost.electronics_per_subscriber")) * contingency,
        "customer_acquisition": new * param("cost.customer_acquisition"),
    }
    bought[t] = hub[t] + new * param("cost.electronics_per_subscriber") * contingency
    earlier = sum(bought[t - j * refresh_every] for j in range(1, t // refresh_every + 1)) if refresh_every > 0 else 0.0
    capital["electronics_refresh"] = param("cost.electronics_refresh_share") * earlier
    escalation = (1 + param("finance.price_change")) ** (t - 1) if t >= 1 else 1
    revenue = subs[t] * (1 - param("demand.churn") / 2) * param("finance.arpu") * 12 * escalation
    opex = subs[t] * param("finance.opex_per_subscriber_month") * 12 + in_service[t] * param("finance.opex_per_passing_year") \
        + (param("finance.opex_fixed_year") if in_service[t] > 0 else 0)
    grant = grant_total * cost_to_pass[t] / total_pass
    capex = sum(capital.values())
    rows.append({"revenue": revenue, "opex": opex, "capex": capex, "grant": grant,
                 "net_cash_flow": revenue + grant - opex - capex, "capital": capital})

financed = param("finance.bond_share") * max(0.0, sum(r["capex"] for r in rows) - grant_total)
r, term = param("finance.bond_rate"), int(param("finance.bond_term_years"))
deferred = int(param("finance.capitalized_interest_years"))
annuity = r / (1 - (1 + r) ** -term)
bond = financed * (1 + r) ** deferred            # interest during construction, borrowed
if param("finance.debt_service_reserve"):
    bond = bond / (1 - annuity)                  # plus one year's debt service held in reserve
service = bond * annuity if bond > 0 else 0.0
for t, row in enumerate(rows):
    row["debt_service"] = service if deferred + 1 <= t <= deferred + term else 0.0

scenario = next(s for s in run["scenarios"] if s["name"] == scenario_name)
assert scenario["kind"] == "retail", "only the retail kind is modelled"
worst = 0.0
for t, (mine, theirs) in enumerate(zip(rows, scenario["years"])):
    pairs = [(k, mine[k], theirs[k]) for k in ("revenue", "opex", "capex", "grant", "net_cash_flow", "debt_service")]
    pairs += [("capital." + k, v, theirs["capital"][k]) for k, v in mine["capital"].items()]
    for name, a, b in pairs:
        worst = max(worst, abs(a - b))
        if abs(a - b) >= 0.005:
            print(f"year {t} {name}: recomputed {a:.4f}, run.json {b:.4f}")
    print(f"year {t}: net {mine['net_cash_flow']:.2f} (run.json {theirs['net_cash_flow']:.2f})")
npv = sum(row["net_cash_flow"] / (1 + param("finance.discount_rate")) ** t for t, row in enumerate(rows))
print(f"largest difference {worst:.6f}; NPV recomputed {npv:.2f}, run.json {scenario['npv']:.2f}")
sys.exit(0 if worst < 0.005 and abs(npv - scenario["npv"]) < 0.005 else 1)
