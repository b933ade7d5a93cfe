#!/usr/bin/env python3
"""Places each area of a results.csv in one of four groups by the default [evidence] thresholds
(NTIA, Indicators of Broadband Need, June 2021), independently of Lastmile: prints "area group" per
row. A network gap: unserved or underserved >= 10 %, or (with >= 30 tests) half the tests in tiles
below 25/3. An adoption gap: no internet subscription >= 25 %, no computer >= 25 %, or Microsoft usage
at broadband speed <= 25 %."""
import csv
import sys


def num(row, column):
    value = row.get(column, "")
    return float(value) if value != "" else None


with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        share = num(row, "unserved_or_underserved_share")
        tests = num(row, "speed_tests")
        below = num(row, "tests_below_25_3_share")
        network = (share is not None and share >= 0.10) or (
            tests is not None and tests >= 30 and below is not None and below >= 0.5)
        no_internet = num(row, "no_internet_share")
        no_computer = num(row, "no_computer_share")
        usage = num(row, "microsoft_usage_share")
        adoption = (no_internet is not None and no_internet >= 0.25) or (
            no_computer is not None and no_computer >= 0.25) or (usage is not None and usage <= 0.25)
        group = {(True, True): "network_and_adoption", (True, False): "network",
                 (False, True): "adoption", (False, False): "neither"}[(network, adoption)]
        print(row["area"], group)
