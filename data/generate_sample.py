#!/usr/bin/env python3
"""Generate dxcomply's sample country: 93 agencies and their records, 2021-2026.

    python3 data/generate_sample.py --schema data/schema.sql --out build/data/sample.db \
        [--changes data/agency_changes.yaml]

The database is created from schema.sql and filled deterministically: the
national and report-level figures come from the source reports in
/work/shared/seeds (docs/sample-data.md says which figure comes from which
passage); everything per-agency that the reports do not give is invented with
a fixed-seed random generator. Then the map changes of 2025
(data/agency_changes.yaml: mergers, the split of Bộ Lao động - Thương binh và
Xã hội, Huế) are applied on their dates and records for 2024-2026 are added
(sample_2024_2026.py), from a generator of their own, so that every row and
draw of 2021-2023 is the same as without them. There is no dependence on the
time of day,
the environment or Python's hash seed, so two runs give the same
`sqlite3 <db> .dump`.

The output is written to a temporary file in the output's directory and moved
into place with os.replace, so a reader never sees a half-written database.
The journal mode is left at SQLite's default (rollback journal, not WAL).

Python 3 standard library, and PyYAML for the changes file.
"""

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import unicodedata

import sample_2024_2026

SEED = 20220630  # the mid-2022 review's as-of date; any fixed value would do

D = dt.date


def iso(d):
    return None if d is None else d.isoformat()


# Key dates of the reports.
T_MID2022 = D(2022, 6, 30)    # 002: results of the first half of 2022
T_SEP2022 = D(2022, 9, 30)    # 004: "960 HTTT được phê duyệt cấp độ" (tháng 9/2022)
T_AUG2023 = D(2023, 8, 31)    # 004: "1.949 HTTT" (tháng 8/2023)
T_SEP2023 = D(2023, 9, 18)    # 004: "Tính tới hết ngày 18/9/2023 ... 1.982 ... 3.161"
T_MID2023 = D(2023, 6, 30)    # 001/003: results to 6/2023
HORIZON = D(2023, 12, 31)     # no invented event after this day

# ---------------------------------------------------------------------------
# Agencies
# ---------------------------------------------------------------------------

# (id, name, document code used in invented document numbers)
MINISTRIES = [
    ("BQP", "Bộ Quốc phòng", "BQP"),
    ("BCA", "Bộ Công an", "BCA"),
    ("BNG", "Bộ Ngoại giao", "BNG"),
    ("BNV", "Bộ Nội vụ", "BNV"),
    ("BTP", "Bộ Tư pháp", "BTP"),
    ("BKHDT", "Bộ Kế hoạch và Đầu tư", "BKHĐT"),
    ("BTC", "Bộ Tài chính", "BTC"),
    ("BCT", "Bộ Công Thương", "BCT"),
    ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT"),
    ("BGTVT", "Bộ Giao thông vận tải", "BGTVT"),
    ("BXD", "Bộ Xây dựng", "BXD"),
    ("BTNMT", "Bộ Tài nguyên và Môi trường", "BTNMT"),
    ("BTTTT", "Bộ Thông tin và Truyền thông", "BTTTT"),
    ("BLDTBXH", "Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
    ("BKHCN", "Bộ Khoa học và Công nghệ", "BKHCN"),
    ("BGDDT", "Bộ Giáo dục và Đào tạo", "BGDĐT"),
    ("BYT", "Bộ Y tế", "BYT"),
    ("UBDT", "Ủy ban Dân tộc", "UBDT"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam", "NHNN"),
    ("TTCP", "Thanh tra Chính phủ", "TTCP"),
    ("VPCP", "Văn phòng Chính phủ", "VPCP"),
]

GOV_AGENCIES = [
    ("BHXH", "Bảo hiểm xã hội Việt Nam", "BHXH"),
    ("VTV", "Đài Truyền hình Việt Nam", "THVN"),
    ("VOV", "Đài Tiếng nói Việt Nam", "TNVN"),
    ("TTXVN", "Thông tấn xã Việt Nam", "TTXVN"),
    ("VHLKHCN", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "VHL"),
    ("VHLKHXH", "Viện Hàn lâm Khoa học xã hội Việt Nam", "KHXHVN"),
    ("BQLLANG", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "BQLL"),
    ("UBQLV", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "UBQLV"),
]

PROVINCE_NAMES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu",
    "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
    "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "TP. Hồ Chí Minh", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]


def province_slug(name):
    if name == "TP. Hồ Chí Minh":
        return "TP-HCM"
    s = name.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    words = [w for w in s.replace("-", " ").split() if w]
    return "-".join(w.upper() for w in words)


PROVINCES = [(province_slug(n), unicodedata.normalize("NFC", n), "UBND")
             for n in PROVINCE_NAMES]

KIND = {}
NAME = {}
DOC_CODE = {}
for _id, _name, _code in MINISTRIES:
    KIND[_id], NAME[_id], DOC_CODE[_id] = "ministry", _name, _code
for _id, _name, _code in GOV_AGENCIES:
    KIND[_id], NAME[_id], DOC_CODE[_id] = "gov_agency", _name, _code
for _id, _name, _code in PROVINCES:
    KIND[_id], NAME[_id], DOC_CODE[_id] = "province", _name, _code

MINISTRY_IDS = [m[0] for m in MINISTRIES]
GOV_IDS = [g[0] for g in GOV_AGENCIES]
PROVINCE_IDS = [p[0] for p in PROVINCES]
ALL_IDS = MINISTRY_IDS + GOV_IDS + PROVINCE_IDS
CENTRAL_IDS = MINISTRY_IDS + GOV_IDS


def pid(name):
    """Province id from its Vietnamese name (as DOMAIN.md writes it)."""
    return province_slug(name)


# ---------------------------------------------------------------------------
# Small deterministic helpers
# ---------------------------------------------------------------------------

class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def date(self, a, b):
        """A uniformly random date in [a, b]."""
        if b < a:
            raise ValueError("empty date range %s..%s" % (a, b))
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def workday(self, a, b):
        """A random Monday-Friday in [a, b] (any day if the range has none)."""
        d = self.date(a, b)
        for step in (1, -1):
            e = d
            while a <= e <= b:
                if e.weekday() < 5:
                    return e
                e += dt.timedelta(days=step)
        return d

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    def weighted_sample(self, items, weights, k):
        """k distinct items, drawn without replacement with the given weights
        (Efraimidis-Spirakis keys); items with weight 0 are never drawn."""
        keyed = []
        for i, (item, w) in enumerate(zip(items, weights)):
            if w > 0:
                keyed.append((self.rng.random() ** (1.0 / w), i, item))
        if k > len(keyed):
            raise ValueError("cannot draw %d of %d" % (k, len(keyed)))
        keyed.sort(key=lambda t: (-t[0], t[1]))
        return [t[2] for t in keyed[:k]]

    def sample(self, seq, k):
        return self.rng.sample(list(seq), k)

    def shuffled(self, seq):
        out = list(seq)
        self.rng.shuffle(out)
        return out


def days(n):
    return dt.timedelta(days=n)


# ---------------------------------------------------------------------------
# Information systems
# ---------------------------------------------------------------------------

# Systems in operation on 30/6/2022 per central agency (invented); provinces
# share the rest of the 3,022 of the report.
CENTRAL_SYSTEMS = {
    "BQP": 20, "BCA": 60, "BNG": 25, "BNV": 30, "BTP": 40, "BKHDT": 45,
    "BTC": 140, "BCT": 55, "BNNPTNT": 50, "BGTVT": 60, "BXD": 30,
    "BTNMT": 55, "BTTTT": 65, "BLDTBXH": 40, "BVHTTDL": 35, "BKHCN": 30,
    "BGDDT": 45, "BYT": 60, "UBDT": 12, "NHNN": 70, "TTCP": 15, "VPCP": 40,
    "BHXH": 70, "VTV": 25, "VOV": 20, "TTXVN": 15, "VHLKHCN": 20,
    "VHLKHXH": 10, "BQLLANG": 12, "UBQLV": 8,
}
PROVINCE_SYSTEMS_FIXED = {
    "HA-NOI": 60, "TP-HCM": 58, "DA-NANG": 48, "HAI-PHONG": 44,
    "QUANG-NINH": 42, "BINH-DUONG": 40, "THUA-THIEN-HUE": 40, "CAN-THO": 38,
    "DONG-NAI": 36, "KHANH-HOA": 34,
}

IN_OPERATION_MID2022 = 3022      # 002 slide 19
APPROVED_MID2022 = 922           # 002 slide 19
APPROVED_SEP2022 = 960           # 004 §1.7
APPROVED_AUG2023 = 1949          # 004 §1.7
APPROVED_SEP2023 = 1982          # 004 §1.7
IN_OPERATION_SEP2023 = 3161      # 004 §1.7

STOPPED_2021 = 30                # invented: decommissioned during 2021
STOPPED_H1_2022 = 10             # invented: decommissioned 1/1-29/6/2022
STOPPED_BETWEEN = 45             # invented: stopped 1/7/2022-17/9/2023
STOPPED_AFTER = 8                # invented: stopped 19/9-31/12/2023
CREATED_AFTER_SEP2023 = 20       # invented: created 19/9-31/12/2023
CREATED_BETWEEN = IN_OPERATION_SEP2023 - IN_OPERATION_MID2022 + STOPPED_BETWEEN

# Agencies with every system in operation approved by 30/9/2022 (invented).
FULL_BY_SEP2022 = ["BTTTT", "BHXH", "DA-NANG", "QUANG-NINH", "THUA-THIEN-HUE"]
# Agencies with every system in operation approved by 31/8/2023 (invented;
# the FULL ones stay so).
FULL_BY_AUG2023 = FULL_BY_SEP2022 + ["NHNN", "BKHDT", "BINH-DUONG", "HAI-PHONG", "LAO-CAI",
                                     "BA-RIA-VUNG-TAU"]
# Agencies with no approved system before 1/10/2022 (invented).
NONE_BY_SEP2022 = ["UBDT", "LAI-CHAU", "HA-GIANG", "DIEN-BIEN", "HAU-GIANG"]

# Agencies whose systems connect to the national population database. 002
# slide 24: "Kết nối chính thức với 11 bộ, ngành và 14 địa phương" (mid-2022);
# 004 §1.4: "15 đơn vị bộ, ngành ... và 63 địa phương" (9/2023). Which 15 is
# invented; BCA runs the database itself.
POPDB_CENTRAL = ["BTP", "BYT", "BLDTBXH", "BHXH", "BTC", "BGTVT", "BTNMT",
                 "BTTTT", "BKHDT", "NHNN", "VPCP",      # the 11 by mid-2022
                 "BNV", "BGDDT", "BCT", "BNG"]          # 4 more by 9/2023

SYSTEM_KINDS_CENTRAL = [
    "Cổng thông tin điện tử", "Cổng dịch vụ công", "Hệ thống thông tin giải quyết thủ tục hành chính",
    "Hệ thống quản lý văn bản và điều hành", "Hệ thống thư điện tử công vụ",
    "Cơ sở dữ liệu chuyên ngành", "Hệ thống báo cáo thống kê", "Hệ thống quản lý cán bộ, công chức",
    "Hệ thống họp trực tuyến", "Trung tâm dữ liệu", "Hệ thống quản lý tài chính - kế toán",
    "Hệ thống thông tin nghiệp vụ", "Hệ thống chữ ký số chuyên dùng", "Hệ thống quản lý thanh tra",
    "Hệ thống quản lý tài sản", "Nền tảng chia sẻ, tích hợp dữ liệu (LGSP)",
]
UNITS_CENTRAL = ["Văn phòng", "Cục Công nghệ thông tin", "Trung tâm Thông tin", "Thanh tra",
                 "Vụ Tổ chức cán bộ", "Vụ Kế hoạch - Tài chính", "Tổng cục", "Cục Quản lý"]
SYSTEM_KINDS_PROVINCE = [
    "Cổng thông tin điện tử", "Hệ thống thông tin giải quyết thủ tục hành chính",
    "Hệ thống quản lý văn bản và điều hành", "Hệ thống thư điện tử công vụ",
    "Trung tâm giám sát, điều hành thông minh (IOC)", "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
    "Hệ thống họp trực tuyến", "Cơ sở dữ liệu chuyên ngành", "Hệ thống phản ánh hiện trường",
    "Hệ thống quản lý hồ sơ sức khỏe", "Hệ thống quản lý giáo dục", "Hệ thống quản lý đất đai",
    "Trung tâm dữ liệu tỉnh", "Hệ thống báo cáo kinh tế - xã hội",
]
UNITS_PROVINCE = ["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Sở Y tế",
                  "Sở Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường", "Sở Tư pháp",
                  "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tài chính", "Sở Giao thông vận tải",
                  "Sở Lao động - Thương binh và Xã hội", "Công an tỉnh"]


def province_system_counts(g):
    target = IN_OPERATION_MID2022 - sum(CENTRAL_SYSTEMS.values())
    counts = {}
    for p in PROVINCE_IDS:
        counts[p] = PROVINCE_SYSTEMS_FIXED.get(p, g.rng.randint(16, 36))
    free = [p for p in PROVINCE_IDS if p not in PROVINCE_SYSTEMS_FIXED]
    total = sum(counts.values())
    while total != target:
        p = g.pick(free)
        if total < target and counts[p] < 45:
            counts[p] += 1
            total += 1
        elif total > target and counts[p] > 15:
            counts[p] -= 1
            total -= 1
    return counts


def alive(s, t):
    """The engine's 'as of t': the row existed on t."""
    return (s["created_on"] is None or s["created_on"] <= t) and \
           (s["stopped_on"] is None or s["stopped_on"] > t)


def approved(s, t):
    return s["level_approved_on"] is not None and s["level_approved_on"] <= t


def make_systems(g):
    counts = dict(CENTRAL_SYSTEMS)
    counts.update(province_system_counts(g))
    assert sum(counts.values()) == IN_OPERATION_MID2022

    systems = []

    def new_system(agency, created_on, stopped_on=None):
        kinds = SYSTEM_KINDS_PROVINCE if KIND[agency] == "province" else SYSTEM_KINDS_CENTRAL
        units = UNITS_PROVINCE if KIND[agency] == "province" else UNITS_CENTRAL
        s = {
            "agency_id": agency,
            "name": "%s - %s" % (g.pick(kinds), g.pick(units)),
            "level": None, "level_approved_on": None,
            "protection_deployed_on": None, "monitored_since": None,
            "connects_population_db": 0,
            "created_on": created_on, "stopped_on": stopped_on,
        }
        systems.append(s)
        return s

    def old_created():
        if g.chance(0.2):
            return None  # in operation since before records began
        return g.date(D(2008, 1, 1), D(2022, 6, 20)) if g.chance(0.4) else \
            g.date(D(2016, 1, 1), D(2022, 6, 20))

    # In operation on 30/6/2022.
    for a in ALL_IDS:
        for _ in range(counts[a]):
            new_system(a, old_created())
    base = list(systems)
    # Agency weights for where new and stopped systems fall: by size.
    weights = [counts[a] for a in ALL_IDS]
    # Stopped during 2021 and in the first half of 2022: never in the 2022 base.
    for a in [g.rng.choices(ALL_IDS, weights)[0] for _ in range(STOPPED_2021)]:
        c = g.date(D(2010, 1, 1), D(2019, 12, 31))
        new_system(a, c, g.date(D(2021, 1, 4), D(2021, 12, 30)))
    for a in [g.rng.choices(ALL_IDS, weights)[0] for _ in range(STOPPED_H1_2022)]:
        c = g.date(D(2012, 1, 1), D(2020, 12, 31))
        new_system(a, c, g.date(D(2022, 1, 4), D(2022, 6, 28)))
    # Created after mid-2022.
    for a in [g.rng.choices(ALL_IDS, weights)[0] for _ in range(CREATED_BETWEEN)]:
        new_system(a, g.date(D(2022, 7, 1), D(2023, 9, 15)))
    for a in [g.rng.choices(ALL_IDS, weights)[0] for _ in range(CREATED_AFTER_SEP2023)]:
        new_system(a, g.date(D(2023, 9, 19), D(2023, 12, 20)))
    # Some of the mid-2022 systems stop later.
    stoppers = g.sample(base, STOPPED_BETWEEN + STOPPED_AFTER)
    for s in stoppers[:STOPPED_BETWEEN]:
        s["stopped_on"] = g.date(D(2022, 7, 1), D(2023, 9, 17))
    for s in stoppers[STOPPED_BETWEEN:]:
        s["stopped_on"] = g.date(D(2023, 9, 19), D(2023, 12, 29))

    assert sum(alive(s, T_MID2022) for s in systems) == IN_OPERATION_MID2022
    assert sum(alive(s, T_SEP2023) for s in systems) == IN_OPERATION_SEP2023

    # Diligence of each agency in getting levels approved (invented).
    dil = {}
    for a in ALL_IDS:
        dil[a] = 0.15 + g.rng.random() ** 1.5
    for a in NONE_BY_SEP2022:
        dil[a] = 0.0

    def earliest_approval(s):
        c = s["created_on"] or D(2016, 9, 1)
        return max(c, D(2016, 9, 1))

    # Systems stopped in 2021 / H1 2022 may have been approved before stopping.
    for s in systems:
        if s["stopped_on"] is not None and s["stopped_on"] <= T_MID2022 and g.chance(0.4):
            lo = earliest_approval(s)
            hi = s["stopped_on"] - days(30)
            if lo <= hi:
                s["level_approved_on"] = g.workday(lo, hi)

    def approve_layer(t_prev, t, target, weight_of, forced=()):
        """Give approval dates in (t_prev, t] so that exactly `target`
        systems in operation on t are approved on t."""
        have = sum(1 for s in systems if alive(s, t) and approved(s, t))
        need = target - have
        cands = [s for s in systems if alive(s, t) and s["level_approved_on"] is None]
        forced_agencies = list(forced)
        forced = [s for s in cands if s["agency_id"] in forced_agencies]
        assert 0 <= len(forced) <= need, (t, len(forced), need)
        rest = [s for s in cands if s["agency_id"] not in forced_agencies]
        chosen = forced + g.weighted_sample(rest, [weight_of(s) for s in rest], need - len(forced))
        for s in chosen:
            lo = max(earliest_approval(s), t_prev + days(1))
            if s["agency_id"] in FULL_BY_SEP2022:
                # The leaders approve a new system within weeks.
                s["level_approved_on"] = g.workday(lo, min(t, lo + days(25)))
            else:
                s["level_approved_on"] = g.workday(lo, t)
        assert sum(1 for s in systems if alive(s, t) and approved(s, t)) == target

    # By 30/6/2022: the FULL agencies have all but a few approved; the rest by
    # diligence, approvals mostly in 2019-2022.
    full_base = [s for s in systems if s["agency_id"] in FULL_BY_SEP2022 and alive(s, T_MID2022)]
    keep_for_q3 = g.sample(range(len(full_base)), 6)
    for i, s in enumerate(full_base):
        if i not in keep_for_q3:
            s["level_approved_on"] = g.workday(max(earliest_approval(s), D(2018, 1, 1)), T_MID2022)
    approve_layer(D(2016, 8, 31), T_MID2022, APPROVED_MID2022,
                  lambda s: dil[s["agency_id"]])
    # Layer 1 drew dates anywhere since 2016; skew most of them into 2019-2022.
    for s in systems:
        d = s["level_approved_on"]
        if d is not None and d <= T_MID2022 and d < D(2019, 1, 1) and g.chance(0.6):
            lo = max(earliest_approval(s), D(2019, 1, 1))
            hi = T_MID2022 if s["stopped_on"] is None else min(T_MID2022, s["stopped_on"] - days(1))
            if lo <= hi:
                s["level_approved_on"] = g.workday(lo, hi)
    assert sum(1 for s in systems if alive(s, T_MID2022) and approved(s, T_MID2022)) == APPROVED_MID2022
    # By 30/9/2022: the FULL agencies complete.
    approve_layer(T_MID2022, T_SEP2022, APPROVED_SEP2022,
                  lambda s: dil[s["agency_id"]], forced=FULL_BY_SEP2022)
    for a in FULL_BY_SEP2022:
        assert all(approved(s, T_SEP2022) for s in systems
                   if s["agency_id"] == a and alive(s, T_SEP2022)), a
    # 2022-2023: everyone moves, the none-yet agencies too.
    approve_layer(T_SEP2022, T_AUG2023, APPROVED_AUG2023,
                  lambda s: 0.3 + (dil[s["agency_id"]] or 0.4), forced=FULL_BY_AUG2023)
    approve_layer(T_AUG2023, T_SEP2023, APPROVED_SEP2023,
                  lambda s: 0.3 + (dil[s["agency_id"]] or 0.4), forced=FULL_BY_AUG2023)
    for a in FULL_BY_AUG2023:
        assert all(approved(s, T_SEP2023) for s in systems
                   if s["agency_id"] == a and alive(s, T_SEP2023)), a
    # A few more after 18/9/2023.
    late = [s for s in systems if s["level_approved_on"] is None and
            (s["stopped_on"] is None) and (s["created_on"] is None or s["created_on"] < D(2023, 12, 1))]
    for s in g.sample(late, len(late) // 25):
        s["level_approved_on"] = g.workday(max(earliest_approval(s), D(2023, 9, 19)), D(2023, 12, 29))

    # Levels: every approved system has one; others may be proposed or not yet.
    def draw_level(central):
        r = g.rng.random()
        if central:
            return 1 if r < 0.03 else 2 if r < 0.40 else 3 if r < 0.85 else 4 if r < 0.97 else 5
        return 1 if r < 0.06 else 2 if r < 0.55 else 3 if r < 0.94 else 4
    for s in systems:
        central = KIND[s["agency_id"]] != "province"
        if s["level_approved_on"] is not None or g.chance(0.55):
            s["level"] = draw_level(central)

    # Protection plans only after approval; monitoring after approval for
    # classified systems, basic monitoring for some others.
    def end_of_life(s):
        return HORIZON if s["stopped_on"] is None else s["stopped_on"] - days(1)

    for s in systems:
        ap = s["level_approved_on"]
        eol = end_of_life(s)
        if ap is not None and s["agency_id"] in FULL_BY_SEP2022:
            # The leaders protect and monitor every approved system at once.
            for col in ("protection_deployed_on", "monitored_since"):
                d = ap + days(g.rng.randint(0, 40))
                if d <= eol:
                    s[col] = d
        elif ap is not None:
            if g.chance(0.85):
                d = ap + days(g.rng.randint(0, 420))
                if d <= eol:
                    s["protection_deployed_on"] = d
            if g.chance(0.8 if (s["level"] or 0) >= 3 else 0.45):
                d = ap + days(g.rng.randint(0, 300))
                if d <= eol:
                    s["monitored_since"] = d
        elif g.chance(0.2):
            lo = max(s["created_on"] or D(2019, 1, 1), D(2019, 1, 1))
            if lo <= eol:
                s["monitored_since"] = g.date(lo, eol)

    # Population-database connections: 1-3 systems at each of the 63
    # provinces and the 15 central agencies, and at BCA itself; mostly systems
    # that were approved and protected early (invented).
    for a in PROVINCE_IDS + POPDB_CENTRAL + ["BCA"]:
        own = [s for s in systems if s["agency_id"] == a and alive(s, T_SEP2023)
               and (s["created_on"] is None or s["created_on"] <= D(2022, 6, 30))]
        k = g.rng.randint(1, 3) if a != "BCA" else 4
        good = [s for s in own if s["protection_deployed_on"] is not None
                and s["protection_deployed_on"] <= D(2022, 11, 15)]
        picked = []
        for _ in range(k):
            pool = good if (good and g.chance(0.7)) else own
            pool = [s for s in pool if not any(s is p for p in picked)]
            if pool:
                picked.append(g.pick(pool))
        for s in picked:
            s["connects_population_db"] = 1
    return systems


# ---------------------------------------------------------------------------
# Security staff
# ---------------------------------------------------------------------------

SPECIALISTS_MID2022 = 223   # 002 slide 19: "bình quân hiện chỉ có 2,4 người/5 người" x 93

# How many agencies have 0..6 specialists on 30/6/2022 (invented; sums to
# 93 agencies and 223 people).
STAFF_DISTRIBUTION = [(0, 8), (1, 16), (2, 26), (3, 24), (4, 13), (5, 5), (6, 1)]


def make_staff(g):
    assert sum(n for _, n in STAFF_DISTRIBUTION) == len(ALL_IDS)
    assert sum(k * n for k, n in STAFF_DISTRIBUTION) == SPECIALISTS_MID2022
    # Central agencies tend to have bigger units: rank by a biased score.
    score = {a: g.rng.random() + (0.25 if KIND[a] != "province" else 0.0) for a in ALL_IDS}
    ranked = sorted(ALL_IDS, key=lambda a: (-score[a], a))
    levels = []
    for k, n in sorted(STAFF_DISTRIBUTION, reverse=True):
        levels += [k] * n
    k_mid = dict(zip(ranked, levels))

    staff = []
    T_DEC = D(2022, 12, 15)

    def person(a, role, employment, joined, left):
        staff.append({"agency_id": a, "role": role, "employment": employment,
                      "joined_on": joined, "left_on": left})

    def spec_role():
        return "security_specialist" if g.chance(0.7) else "incident_responder"

    def employment(after_mid2022=False):
        r = g.rng.random()
        if after_mid2022:
            return "hired_expert" if r < 0.45 else "contract" if r < 0.75 else "civil_servant"
        return "civil_servant" if r < 0.65 else "contract" if r < 0.9 else "hired_expert"

    # Agencies reaching 5 specialists by 15/12/2022 (invented): those with
    # 5+ already, and 11 more drawn among those with 3-4.
    reach = [a for a in ALL_IDS if k_mid[a] >= 5]
    reach += g.sample([a for a in ALL_IDS if k_mid[a] in (3, 4)], 11)

    for a in ALL_IDS:
        # Managers and support staff (never counted as specialists).
        person(a, "manager", "civil_servant", g.date(D(2012, 1, 1), D(2021, 12, 31)), None)
        for _ in range(g.rng.randint(0, 2)):
            person(a, "support", g.pick(["civil_servant", "contract"]),
                   g.date(D(2015, 1, 1), D(2023, 6, 30)), None)
        # Specialists in post on 30/6/2022.
        current = []
        for _ in range(k_mid[a]):
            joined = None if g.chance(0.15) else g.date(D(2014, 1, 1), D(2022, 6, 15))
            current.append([spec_role(), employment(), joined, None])
        # Some of them leave later: before 15/12/2022 only where the agency
        # is not meant to reach 5 anyway, or is topped up below.
        for p in current:
            if g.chance(0.12):
                p[3] = g.date(D(2022, 7, 15), D(2023, 11, 30))
        # Left before mid-2022 (not counted on 30/6/2022).
        for _ in range(1 if g.chance(0.4) else 0):
            j = g.date(D(2016, 1, 1), D(2020, 12, 31))
            person(a, spec_role(), employment(), j, g.date(D(2021, 1, 4), D(2022, 6, 15)))
        for role, emp, joined, left in current:
            person(a, role, emp, joined, left)
        on_dec = sum(1 for p in current if p[3] is None or p[3] > T_DEC)
        if a in reach:
            for _ in range(max(0, 5 - on_dec) + (1 if g.chance(0.3) else 0)):
                person(a, spec_role(), employment(True), g.date(D(2022, 7, 1), D(2022, 12, 14)), None)
        else:
            # Stay below 5 on 15/12/2022; maybe one joiner in H2 2022.
            if on_dec < 4 and g.chance(0.35):
                person(a, spec_role(), employment(True), g.date(D(2022, 7, 1), D(2022, 12, 14)), None)
            # Some catch up in 2023 (late).
            if g.chance(0.5):
                for _ in range(g.rng.randint(1, 3)):
                    person(a, spec_role(), employment(True), g.date(D(2023, 1, 3), D(2023, 12, 15)), None)
    return staff


# ---------------------------------------------------------------------------
# Tasks
# ---------------------------------------------------------------------------

class Tasks:
    def __init__(self, g):
        self.g = g
        self.rows = []
        self.deps = []

    def add(self, agency, obligation, period, title, completed=None, started=None,
            progress=None, evidence=None):
        g = self.g
        if completed is not None:
            progress = 1.0
            if started is None:
                started = completed - days(g.rng.randint(10, 120))
        else:
            if started is None:
                raise ValueError("incomplete task needs started_on")
            if progress is None:
                progress = round(g.rng.uniform(0.1, 0.9), 2)
        # A year's plan is one recurring obligation whose period is the year
        # (rules: action-plan, due 15/12 of the year before).
        if obligation.startswith("action-plan-"):
            obligation = "action-plan"
        tid = len(self.rows) + 1
        self.rows.append({
            "id": tid, "agency_id": agency, "obligation_id": obligation, "period": period,
            "title": title, "started_on": started, "progress": progress,
            "completed_on": completed, "evidence": evidence,
        })
        return tid

    def depend(self, task_id, on):
        self.deps.append((task_id, on))


def docno(g, agency, kind, central_kind=None):
    """A plausible document number: number/type-issuer, e.g. 1092/QĐ-BTTTT."""
    n = g.rng.randint(35, 3600)
    if KIND[agency] == "province":
        return "%d/%s-UBND" % (n, kind)
    return "%d/%s-%s" % (n, central_kind or kind, DOC_CODE[agency])


def party_docno(g):
    n = g.rng.randint(1, 30)
    return "%02d-%s/TU" % (n, g.pick(["NQ", "NQ", "NQ", "CT"]))


T = {
    "plan-5y": "Ban hành chương trình/kế hoạch/đề án chuyển đổi số giai đoạn 5 năm (2021-2025)",
    "party-resolution": "Ban hành nghị quyết/chỉ thị/văn bản của tỉnh ủy/thành ủy về chuyển đổi số",
    "action-plan-2022": "Ban hành kế hoạch hành động chuyển đổi số năm 2022",
    "action-plan-2023": "Ban hành kế hoạch chuyển đổi số năm 2023",
    "steering-reorg": "Kiện toàn Ban Chỉ đạo chuyển đổi số",
    "steering-plan-2022": "Ban hành Kế hoạch hoạt động của Ban Chỉ đạo chuyển đổi số năm 2022",
    "dx-day-plan-2022": "Ban hành Kế hoạch triển khai Ngày Chuyển đổi số quốc gia năm 2022",
    "community-tech-teams": "Thành lập và đưa vào hoạt động Tổ công nghệ số cộng đồng",
    "platforms-2022": "Lựa chọn và công bố các nền tảng số tập trung thúc đẩy trong năm 2022",
    "plan-146": "Ban hành Kế hoạch triển khai theo Đề án 146/QĐ-TTg ngày 28/01/2022",
    "plan-411": "Ban hành Kế hoạch hành động triển khai Chiến lược quốc gia phát triển kinh tế số và xã hội số (Quyết định 411/QĐ-TTg)",
    "plan-cashless": "Ban hành Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong trường học, bệnh viện",
    "plan-smedx": "Ban hành Kế hoạch hành động thúc đẩy doanh nghiệp nhỏ và vừa chuyển đổi số",
    "drill-2022": "Tổ chức diễn tập thực chiến an toàn thông tin năm 2022",
    "digital-university": "Trình Thủ tướng Chính phủ phê duyệt Đề án triển khai thí điểm mô hình giáo dục đại học số và lựa chọn thí điểm",
    "special-network": "Hoàn thành kết nối Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước",
    "computers-for-kids": "Hoàn thành bàn giao máy tính Chương trình \"Sóng và máy tính cho em\"",
    "dvc-software-fixed": "Nâng cấp, khắc phục tồn tại của phần mềm dịch vụ công liên thông, phần mềm nghiệp vụ chuyên ngành",
    "dvc-lienthong-rollout": "Kế hoạch tuyên truyền, hỗ trợ và đẩy mạnh triển khai 02 dịch vụ công liên thông trên địa bàn",
    "popdb-open": "Vận hành chính thức, mở kết nối chia sẻ dữ liệu của CSDL quốc gia về dân cư",
    "popdb-connect": "Kết nối chính thức với CSDL quốc gia về dân cư",
}

# The agencies the mid-2022 review names as missing a document (002).
MISSING_MID2022 = {
    "action-plan-2022": ["BTC", "BCT", "BGDDT"] + [pid(n) for n in [
        "Bắc Kạn", "Bạc Liêu", "Hà Nội", "Lâm Đồng", "Nghệ An", "Phú Yên",
        "Quảng Trị", "Sóc Trăng", "Thái Bình", "Vĩnh Long"]],
    "plan-5y": [pid("Nghệ An")],
    "party-resolution": [pid(n) for n in ["An Giang", "Nghệ An", "Phú Yên"]],
}
# What became of them afterwards (invented): a completion date, or None.
LATER = {
    "action-plan-2022": {
        "BTC": D(2022, 7, 20), "BCT": D(2022, 8, 5), "BGDDT": D(2022, 10, 12),
        "BAC-KAN": D(2022, 7, 15), "BAC-LIEU": D(2022, 8, 22), "HA-NOI": D(2022, 7, 8),
        "LAM-DONG": D(2022, 9, 19), "NGHE-AN": D(2022, 8, 30), "PHU-YEN": None,
        "QUANG-TRI": D(2022, 7, 28), "SOC-TRANG": None, "THAI-BINH": D(2022, 8, 10),
        "VINH-LONG": D(2022, 11, 3),
    },
    "plan-5y": {"NGHE-AN": D(2022, 7, 29)},
    "party-resolution": {"AN-GIANG": D(2022, 10, 14), "NGHE-AN": D(2023, 2, 17), "PHU-YEN": None},
}


def plan_tasks(g, tk):
    """Plans and other documents the institutions obligations ask for."""

    def incomplete(a, ob, period, title, lo=D(2022, 1, 10), hi=D(2022, 12, 20), progress=None):
        tk.add(a, ob, period, title, started=g.workday(lo, hi), progress=progress)

    # plan-5y: ministries + provinces, 22/22 and 62/63 by mid-2022.
    for a in MINISTRY_IDS + PROVINCE_IDS:
        if a in MISSING_MID2022["plan-5y"]:
            tk.add(a, "plan-5y", "2021-2025", T["plan-5y"], completed=LATER["plan-5y"][a],
                   evidence=docno(g, a, "KH"))
            continue
        c = g.workday(D(2020, 9, 1), D(2021, 12, 31)) if g.chance(0.85) else \
            g.workday(D(2022, 1, 3), D(2022, 6, 28))
        kind = "QĐ" if KIND[a] != "province" else g.pick(["KH", "QĐ", "NQ-HĐND"])
        if kind == "NQ-HĐND":
            ev = "%d/NQ-HĐND" % g.rng.randint(10, 220)
        else:
            ev = docno(g, a, kind)
        tk.add(a, "plan-5y", "2021-2025", T["plan-5y"], completed=c, evidence=ev)

    # party-resolution: provinces, 60/63 by mid-2022.
    for a in PROVINCE_IDS:
        if a in MISSING_MID2022["party-resolution"]:
            later = LATER["party-resolution"][a]
            if later is None:
                incomplete(a, "party-resolution", None, T["party-resolution"],
                           D(2022, 3, 1), D(2022, 9, 30))
            else:
                tk.add(a, "party-resolution", None, T["party-resolution"], completed=later,
                       evidence=party_docno(g))
            continue
        c = g.workday(D(2020, 10, 1), D(2021, 12, 31)) if g.chance(0.85) else \
            g.workday(D(2022, 1, 3), D(2022, 6, 28))
        tk.add(a, "party-resolution", None, T["party-resolution"], completed=c,
               evidence=party_docno(g))

    # action-plan-2022: ministries + provinces; 19/22 and 53/63 by mid-2022.
    action_2022 = {}
    for a in MINISTRY_IDS + PROVINCE_IDS:
        if a in MISSING_MID2022["action-plan-2022"]:
            later = LATER["action-plan-2022"][a]
            if later is None:
                incomplete(a, "action-plan-2022", "2022", T["action-plan-2022"],
                           D(2022, 2, 1), D(2022, 6, 20))
            else:
                ev = docno(g, a, "KH", "QĐ")
                tk.add(a, "action-plan-2022", "2022", T["action-plan-2022"], completed=later,
                       evidence=ev)
                action_2022[a] = (later, ev)
            continue
        # On time (by 15/12/2021) for some; most late, in Q1 2022 ("Kế
        # hoạch ... cũng được ban hành muộn", 002).
        r = g.rng.random()
        c = g.workday(D(2021, 11, 15), D(2021, 12, 15)) if r < 0.3 else \
            g.workday(D(2021, 12, 16), D(2022, 3, 31)) if r < 0.8 else \
            g.workday(D(2022, 4, 1), D(2022, 6, 28))
        ev = docno(g, a, "KH", "QĐ")
        tk.add(a, "action-plan-2022", "2022", T["action-plan-2022"], completed=c, evidence=ev)
        action_2022[a] = (c, ev)

    # steering-reorg: all kinds, 100% by mid-2022.
    for a in ALL_IDS:
        c = g.workday(D(2021, 3, 1), D(2021, 12, 31)) if g.chance(0.75) else \
            g.workday(D(2022, 1, 3), D(2022, 6, 28))
        tk.add(a, "steering-reorg", None, T["steering-reorg"], completed=c, evidence=docno(g, a, "QĐ"))

    # steering-plan-2022: ministries 7/22, provinces 34/63 by mid-2022.
    for group, done_n in ((MINISTRY_IDS, 7), (PROVINCE_IDS, 34)):
        done = g.sample(group, done_n)
        for a in group:
            if a in done:
                c = g.workday(D(2022, 2, 7), D(2022, 6, 28))
            elif g.chance(0.6):
                c = g.workday(D(2022, 7, 4), D(2022, 12, 16))
            else:
                c = None
            if c is None:
                incomplete(a, "steering-plan-2022", "2022", T["steering-plan-2022"],
                           D(2022, 4, 1), D(2022, 9, 30))
            else:
                tk.add(a, "steering-plan-2022", "2022", T["steering-plan-2022"], completed=c,
                       evidence="%d/KH-BCĐ" % g.rng.randint(1, 120))

    # dx-day-plan-2022: all kinds, due 15/8/2022 (002 slide 8).
    for a in ALL_IDS:
        if a == "BTTTT":
            # 002 slide 8: "Bộ Thông tin và Truyền thông đã ban hành Kế hoạch số
            # 1092/QĐ-BTTT" (sic); the date is not in the report.
            tk.add(a, "dx-day-plan-2022", "2022", T["dx-day-plan-2022"],
                   completed=D(2022, 6, 2), evidence="1092/QĐ-BTTTT")
            continue
        r = g.rng.random()
        if r < 0.75:
            c = g.workday(D(2022, 6, 15), D(2022, 8, 15))
        elif r < 0.92:
            c = g.workday(D(2022, 8, 16), D(2022, 10, 7))
        else:
            c = None
        if c is None:
            incomplete(a, "dx-day-plan-2022", "2022", T["dx-day-plan-2022"],
                       D(2022, 7, 1), D(2022, 8, 31))
        else:
            tk.add(a, "dx-day-plan-2022", "2022", T["dx-day-plan-2022"], completed=c,
                   evidence=docno(g, a, "KH"))

    # community-tech-teams: provinces; 47/63 by mid-2022, all 63 in 2022
    # (001: "Năm 2022, 63/63 địa phương đã triển khai"); after 793/BTTTT-THH
    # of 5/3/2022.
    done = g.sample(PROVINCE_IDS, 47)
    rest = [a for a in PROVINCE_IDS if a not in done]
    on_time = g.sample(rest, 10)
    for a in PROVINCE_IDS:
        if a in done:
            c = g.workday(D(2022, 3, 7), D(2022, 6, 28))
        elif a in on_time:
            c = g.workday(D(2022, 7, 4), D(2022, 8, 31))
        else:
            c = g.workday(D(2022, 9, 5), D(2022, 12, 16))
        tk.add(a, "community-tech-teams", None, T["community-tech-teams"], completed=c,
               evidence=docno(g, a, "QĐ"))

    # platforms-2022: provinces; 43 in their 2022 plan + 9 by separate
    # decision = 52/63 by mid-2022 (002 slide 16, read as disjoint groups).
    with_plan = [a for a in PROVINCE_IDS if a in action_2022 and action_2022[a][0] <= T_MID2022]
    in_plan = g.sample(with_plan, 43)
    others = [a for a in PROVINCE_IDS if a not in in_plan]
    separate = g.sample(others, 9)
    for a in PROVINCE_IDS:
        if a in in_plan:
            c, ev = action_2022[a]
            tk.add(a, "platforms-2022", "2022", T["platforms-2022"], completed=c, evidence=ev)
        elif a in separate:
            tk.add(a, "platforms-2022", "2022", T["platforms-2022"],
                   completed=g.workday(D(2022, 3, 1), D(2022, 6, 28)), evidence=docno(g, a, "QĐ"))
        elif g.chance(0.6):
            tk.add(a, "platforms-2022", "2022", T["platforms-2022"],
                   completed=g.workday(D(2022, 7, 4), D(2022, 10, 28)), evidence=docno(g, a, "QĐ"))
        else:
            incomplete(a, "platforms-2022", "2022", T["platforms-2022"], D(2022, 7, 1), D(2022, 9, 30))

    # plan-146: provinces, 15/63 by mid-2022 (Decision 146 of 28/01/2022).
    done = g.sample(PROVINCE_IDS, 15)
    for a in PROVINCE_IDS:
        if a in done:
            c = g.workday(D(2022, 2, 15), D(2022, 6, 28))
        elif g.chance(0.8):
            c = g.workday(D(2022, 7, 4), D(2023, 10, 31))
        else:
            c = None
        if c is None:
            incomplete(a, "plan-146", None, T["plan-146"], D(2022, 5, 1), D(2023, 3, 31))
        else:
            tk.add(a, "plan-146", None, T["plan-146"], completed=c, evidence=docno(g, a, "KH"))

    # plan-411 (Strategy 411 of 31/3/2022).
    # Central: 1/22 ministries (and 0/8 gov agencies) by mid-2022, 3/30 by
    # 6/2023. The one by mid-2022 is read as BGDDT's Quyết định số
    # 1282/QĐ-BGDĐT ngày 10/05/2022, which "phân công chi tiết triển khai
    # thực hiện các nhiệm vụ được giao tại Quyết định số 411/QĐ-TTg" (001
    # III.2); the other two and all later ones are invented.
    central_411 = {"BGDDT": (D(2022, 5, 10), "1282/QĐ-BGDĐT"),
                   "BTTTT": (D(2022, 11, 24), None), "BCT": (D(2023, 3, 15), None),
                   "NHNN": (D(2023, 8, 11), None), "BKHDT": (D(2023, 10, 20), None)}
    for a in CENTRAL_IDS:
        if a in central_411:
            c, ev = central_411[a]
            tk.add(a, "plan-411", None, T["plan-411"], completed=c, evidence=ev or docno(g, a, "QĐ"))
        else:
            incomplete(a, "plan-411", None, T["plan-411"], D(2022, 5, 2), D(2023, 9, 29))
    # Provinces: 16/63 by mid-2022 (002), 36/63 by 6/2023 (001/003).
    order = g.shuffled(PROVINCE_IDS)
    for i, a in enumerate(order):
        if i < 16:
            c = g.workday(D(2022, 4, 15), D(2022, 6, 28))
        elif i < 36:
            c = g.workday(D(2022, 7, 4), D(2023, 6, 28))
        elif i < 44:
            c = g.workday(D(2023, 7, 3), D(2023, 12, 15))
        else:
            c = None
        if c is None:
            incomplete(a, "plan-411", None, T["plan-411"], D(2022, 6, 1), D(2023, 9, 29))
        else:
            tk.add(a, "plan-411", None, T["plan-411"], completed=c, evidence=docno(g, a, "KH"))

    # plan-cashless: 23/63 by mid-2022 (002), 29/63 by 6/2023 (001/003).
    # plan-smedx:    28/63 by mid-2022 (002), 31/63 by 6/2023 (001/003).
    for ob, n_mid22, n_mid23, n_later, first in (("plan-cashless", 23, 29, 3, D(2021, 10, 1)),
                                                 ("plan-smedx", 28, 31, 2, D(2021, 7, 1))):
        order = g.shuffled(PROVINCE_IDS)
        for i, a in enumerate(order):
            if i < n_mid22:
                c = g.workday(first, D(2022, 6, 28))
            elif i < n_mid23:
                c = g.workday(D(2022, 7, 4), D(2023, 6, 28))
            elif i < n_mid23 + n_later:
                c = g.workday(D(2023, 7, 3), D(2023, 12, 15))
            else:
                c = None
            if c is None:
                incomplete(a, ob, None, T[ob], D(2022, 3, 1), D(2023, 9, 29))
            else:
                tk.add(a, ob, None, T[ob], completed=c, evidence=docno(g, a, "KH"))


def central_plan_146(g, tk):
    """plan-146 for the ministries and government agencies. The mid-2022
    review asks "Các bộ, ngành, địa phương chưa ban hành cần sớm ban hành Kế
    hoạch triển khai theo Đề án 146/QĐ-TTg" (002 slide 18) but counts only
    provinces, so every central row is invented. It draws from its own
    generator and its rows come after all others, so the rest of the sample
    (its draws and its task ids) is unchanged."""
    for a in CENTRAL_IDS:
        if g.chance(0.7):
            c = g.workday(D(2022, 2, 15), D(2022, 4, 28))
        elif g.chance(0.7):
            c = g.workday(D(2022, 5, 4), D(2023, 6, 30))
        else:
            c = None
        if c is None:
            started = g.workday(D(2022, 5, 1), D(2023, 3, 31))
            tk.add(a, "plan-146", None, T["plan-146"], started=started,
                   progress=round(g.rng.uniform(0.1, 0.9), 2))
        else:
            tk.add(a, "plan-146", None, T["plan-146"], completed=c,
                   started=c - days(g.rng.randint(10, 60)), evidence=docno(g, a, "KH"))


def other_tasks(g, tk):
    # drill-2022: all kinds, one live-fire drill in 2022 by 30/11/2022.
    for a in ALL_IDS:
        r = g.rng.random()
        if r < 0.72:
            c = g.workday(D(2022, 5, 2), D(2022, 11, 30))
        elif r < 0.87:
            c = g.workday(D(2022, 12, 1), D(2022, 12, 29))
        else:
            c = None
        code = "STTTT" if KIND[a] == "province" else DOC_CODE[a]
        if c is None:
            tk.add(a, "drill-2022", "2022", T["drill-2022"], started=g.workday(D(2022, 8, 1), D(2022, 11, 30)),
                   progress=round(g.rng.uniform(0.1, 0.6), 2))
        else:
            tk.add(a, "drill-2022", "2022", T["drill-2022"], completed=c,
                   started=c - days(g.rng.randint(20, 60)),
                   evidence="%d/BC-%s" % (g.rng.randint(40, 900), code))

    # digital-university: BGDDT, due 30/8/2022; still being drafted in
    # 7/2023 (003 2.6: "đang xây dựng Đề án Mô hình giáo dục đại học số").
    tk.add("BGDDT", "digital-university", None, T["digital-university"],
           started=D(2022, 5, 16), progress=0.6)

    # special-network: Bình Thuận, "dự kiến hoàn thành trong tháng 9/2022"
    # (002 slide 23); the completion date is invented.
    tk.add("BINH-THUAN", "special-network", None, T["special-network"],
           completed=D(2022, 9, 26), started=D(2022, 3, 14),
           evidence="%d/BC-UBND" % g.rng.randint(100, 400))

    # computers-for-kids: provinces, by the start of the school year.
    for a in PROVINCE_IDS:
        r = g.rng.random()
        if r < 0.7:
            c = g.workday(D(2022, 6, 1), D(2022, 9, 5))
        elif r < 0.9:
            c = g.workday(D(2022, 9, 6), D(2022, 12, 16))
        else:
            c = None
        if c is None:
            tk.add(a, "computers-for-kids", None, T["computers-for-kids"],
                   started=g.workday(D(2021, 10, 1), D(2022, 3, 31)))
        else:
            tk.add(a, "computers-for-kids", None, T["computers-for-kids"], completed=c,
                   started=g.workday(D(2021, 10, 1), D(2022, 3, 31)),
                   evidence="%d/BC-UBND" % g.rng.randint(100, 900))

    # dvc-software-fixed: the five owners, "hoàn thành trong tháng 9 năm
    # 2023" (004 §1.1); dates invented, two late.
    soft = {"BCA": D(2023, 9, 25), "BTP": D(2023, 10, 12), "BYT": D(2023, 9, 29),
            "BLDTBXH": D(2023, 10, 20), "BHXH": D(2023, 9, 22)}
    soft_ids = {}
    for a, c in soft.items():
        soft_ids[a] = tk.add(a, "dvc-software-fixed", None, T["dvc-software-fixed"], completed=c,
                             started=D(2023, 7, 10), evidence="%d/BC-%s" % (g.rng.randint(100, 4000), DOC_CODE[a]))
    last_fix = max(soft.values())
    # dvc-lienthong-rollout: each province, after every software fix.
    for a in PROVINCE_IDS:
        if g.chance(0.75):
            c = g.workday(last_fix + days(3), D(2023, 12, 29))
            t = tk.add(a, "dvc-lienthong-rollout", None, T["dvc-lienthong-rollout"], completed=c,
                       started=g.workday(D(2023, 9, 11), D(2023, 10, 13)), evidence=docno(g, a, "KH"))
        else:
            t = tk.add(a, "dvc-lienthong-rollout", None, T["dvc-lienthong-rollout"],
                       started=g.workday(D(2023, 9, 11), D(2023, 11, 30)))
        for sa in soft:
            tk.depend(t, soft_ids[sa])

    # Population database: BCA opens it (004 §1.4: "vận hành chính thức Hệ
    # thống CSDL quốc gia về Dân cư từ ngày 01/7/2021"); ministries and
    # provinces connect their systems afterwards: 11 bộ, ngành and 14 địa
    # phương by mid-2022 (002 slide 24), 15 and 63 by 18/9/2023 (004 §1.4).
    open_id = tk.add("BCA", "popdb-open", None, T["popdb-open"], completed=D(2021, 7, 1),
                     started=D(2021, 1, 4), evidence="CSDL quốc gia về dân cư vận hành chính thức từ 01/7/2021")
    for group, n_mid in ((POPDB_CENTRAL, 11), (PROVINCE_IDS, 14)):
        first = group[:n_mid] if group is POPDB_CENTRAL else g.sample(group, n_mid)
        for a in group:
            if a in first:
                c = g.workday(D(2021, 8, 2), D(2022, 6, 28))
            else:
                c = g.workday(D(2022, 7, 4), D(2023, 9, 15))
            t = tk.add(a, "popdb-connect", None, T["popdb-connect"], completed=c,
                       evidence="%d/%s-%s" % (g.rng.randint(50, 3000), "BC",
                                              "UBND" if KIND[a] == "province" else DOC_CODE[a]))
            tk.depend(t, open_id)

    # Recurring duties the engine cannot express yet; rows so the later
    # recurring rules have data.
    # national-dx-report: BTTTT, monthly, 2023-01..2023-10; two months
    # missing (no row), one late (invented; assumed due: end of the month).
    for m in range(1, 11):
        period = "2023-%02d" % m
        if m in (2, 5):
            continue
        last = (D(2023, m + 1, 1) - days(1)) if m < 12 else D(2023, 12, 31)
        if m == 7:
            c = D(2023, 8, 14)
        else:
            c = g.workday(last - days(6), last)
        tk.add("BTTTT", "national-dx-report", period,
               "Báo cáo chuyển đổi số quốc gia tháng %d năm 2023" % m, completed=c,
               started=c - days(g.rng.randint(5, 12)),
               evidence="%d/BC-BTTTT" % g.rng.randint(100, 450))
    # annual-review: every agency, 2022 and 2023 (002 slide 12: "định kỳ
    # hàng năm thực hiện sơ kết, đánh giá tình hình thực hiện").
    for a in ALL_IDS:
        r = g.rng.random()
        if r < 0.85:
            c = g.workday(D(2022, 12, 1), D(2023, 2, 28))
        elif r < 0.95:
            c = g.workday(D(2023, 3, 1), D(2023, 6, 30))
        else:
            c = None
        title = "Sơ kết, đánh giá tình hình thực hiện chuyển đổi số năm %s"
        if c is None:
            tk.add(a, "annual-review", "2022", title % "2022", started=g.workday(D(2022, 12, 1), D(2023, 3, 31)))
        else:
            tk.add(a, "annual-review", "2022", title % "2022", completed=c, evidence=docno(g, a, "BC"))
        if g.chance(0.55):
            tk.add(a, "annual-review", "2023", title % "2023",
                   completed=g.workday(D(2023, 11, 20), D(2023, 12, 29)), evidence=docno(g, a, "BC"))
        else:
            tk.add(a, "annual-review", "2023", title % "2023",
                   started=g.workday(D(2023, 11, 1), D(2023, 12, 15)))
    # action-plan-2023: ministries + provinces.
    for a in MINISTRY_IDS + PROVINCE_IDS:
        r = g.rng.random()
        if r < 0.35:
            c = g.workday(D(2022, 11, 15), D(2022, 12, 15))
        elif r < 0.85:
            c = g.workday(D(2022, 12, 16), D(2023, 3, 31))
        elif r < 0.95:
            c = g.workday(D(2023, 4, 3), D(2023, 9, 29))
        else:
            c = None
        if c is None:
            tk.add(a, "action-plan-2023", "2023", T["action-plan-2023"],
                   started=g.workday(D(2023, 1, 3), D(2023, 6, 30)))
        else:
            tk.add(a, "action-plan-2023", "2023", T["action-plan-2023"], completed=c,
                   evidence=docno(g, a, "KH", "QĐ"))


# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------

S003 = "seeds/003 (Sơ kết 6 tháng đầu năm 2023, Chiến lược 411), mục 1, chỉ tiêu %s, Kết quả 06/2023"

# National figures from the reports: (indicator_id, as_of, value, source).
NATIONAL = [
    ("de-gdp-share", D(2021, 12, 31), 0.0960, "seeds/002, slide Kinh tế số: Tỉ trọng kinh tế số trong GDP 2021"),
    ("de-gdp-share", D(2022, 6, 30), 0.1041, "seeds/002, slide Kinh tế số: Tỉ trọng kinh tế số trong GDP T6/2022"),
    ("de-gdp-share", D(2023, 6, 30), 0.1496, S003 % "1.1"),
    ("de-sector-share-ict", D(2023, 6, 30), 0.0898, S003 % "1.2 (ngành thông tin và truyền thông)"),
    ("ecommerce-retail-share", D(2023, 6, 30), 0.075, S003 % "1.3"),
    ("biz-econtract-share", D(2023, 6, 30), 0.50, S003 % "1.4"),
    ("sme-platform-share", D(2023, 6, 30), 0.3007, S003 % "1.5"),
    ("de-workforce-share", D(2023, 6, 30), 0.037, S003 % "1.6"),
    ("adult-smartphone-share", D(2023, 6, 30), 0.85, S003 % "2.1" + " (chú thích 4: số liệu 2021)"),
    ("payment-account-share", D(2023, 6, 30), 0.7463, S003 % "2.2" + " (chú thích 5: số liệu 2021)"),
    ("adult-esignature-share", D(2023, 6, 30), 0.03, S003 % "2.3"),
    ("basic-digital-skills-share", D(2023, 6, 30), 0.3794, S003 % "2.4" + " (chú thích 7: số liệu 2021)"),
    ("fibre-household-share", D(2023, 6, 30), 0.7693, S003 % "2.5"),
    ("fibre-household-share", D(2023, 9, 30), 0.7838, "seeds/004 (Báo cáo CĐS quốc gia tháng 9/2023), mục 1.3"),
    ("dvc-online-dossier-share", D(2022, 6, 30), 0.457, "seeds/002, slide 25: Tỉ lệ DVCTT phát sinh hồ sơ"),
    ("dvc-online-processing-share", D(2022, 6, 30), 0.369, "seeds/002, slide 25: Tỉ lệ hồ sơ xử lý trực tuyến"),
]

DVC_DATES = [D(2022, 3, 31), D(2022, 6, 30), D(2022, 9, 30), D(2022, 12, 31)]


def agency_measurements(g):
    rows = []
    for a in ALL_IDS:
        dossier = g.rng.uniform(0.15, 0.62)
        processing = min(dossier, g.rng.uniform(0.10, 0.48))
        dg = g.rng.uniform(0.02, 0.13)
        pg = g.rng.uniform(0.01, 0.09)
        for d in DVC_DATES:
            rows.append(("dvc-online-dossier-share", a, d, round(min(dossier, 0.98), 4),
                         "invented (generate_sample.py)"))
            rows.append(("dvc-online-processing-share", a, d, round(min(processing, 0.95), 4),
                         "invented (generate_sample.py)"))
            dossier += dg * g.rng.uniform(0.5, 1.5)
            processing += pg * g.rng.uniform(0.5, 1.5)
    return rows


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def fill(conn, g):
    cur = conn.cursor()
    for a in ALL_IDS:
        cur.execute("INSERT INTO agency (id, name, kind, parent_id) VALUES (?, ?, ?, NULL)",
                    (a, NAME[a], KIND[a]))

    systems = make_systems(g)
    for i, s in enumerate(systems, 1):
        cur.execute(
            "INSERT INTO information_system (id, agency_id, name, level, level_approved_on,"
            " protection_deployed_on, monitored_since, connects_population_db, created_on, stopped_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (i, s["agency_id"], s["name"], s["level"], iso(s["level_approved_on"]),
             iso(s["protection_deployed_on"]), iso(s["monitored_since"]), s["connects_population_db"],
             iso(s["created_on"]), iso(s["stopped_on"])))

    for i, p in enumerate(make_staff(g), 1):
        cur.execute("INSERT INTO security_staff (id, agency_id, role, employment, joined_on, left_on)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (i, p["agency_id"], p["role"], p["employment"], iso(p["joined_on"]), iso(p["left_on"])))

    tk = Tasks(g)
    plan_tasks(g, tk)
    other_tasks(g, tk)
    central_plan_146(Gen(SEED + 146), tk)
    for r in tk.rows:
        cur.execute("INSERT INTO task (id, agency_id, obligation_id, period, title, started_on,"
                    " progress, completed_on, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (r["id"], r["agency_id"], r["obligation_id"], r["period"], r["title"],
                     iso(r["started_on"]), r["progress"], iso(r["completed_on"]), r["evidence"]))
    for t, on in tk.deps:
        cur.execute("INSERT INTO task_dependency (task_id, depends_on) VALUES (?, ?)", (t, on))

    for ind, d, v, src in NATIONAL:
        cur.execute("INSERT INTO measurement (indicator_id, agency_id, as_of, value, source)"
                    " VALUES (?, NULL, ?, ?, ?)", (ind, iso(d), v, src))
    for ind, a, d, v, src in agency_measurements(g):
        cur.execute("INSERT INTO measurement (indicator_id, agency_id, as_of, value, source)"
                    " VALUES (?, ?, ?, ?, ?)", (ind, a, iso(d), v, src))
    add_exceptions(cur)
    conn.commit()


def add_exceptions(cur):
    """An extension and a waiver granted to Quảng Trị in 2022 (table exception).

    Invented, as the reports name none: the numbers, dates and reasons are
    sample data, and say so. docs/sample-data.md lists them.
    """
    rows = [
        (1, "is-classify", "QUANG-TRI", None, "extension", "2022-12-31",
         "2785/BTTTT-CATTT (dữ liệu mẫu)", "2022-09-23", "Bộ Thông tin và Truyền thông",
         "(dữ liệu mẫu) Tỉnh rà soát, phân loại lại các hệ thống thông tin sau khi sắp xếp "
         "các sở, ngành", None),
        (2, "plan-411", "QUANG-TRI", None, "waiver", None,
         "2410/BTTTT-KTSXHS (dữ liệu mẫu)", "2022-08-15", "Bộ Thông tin và Truyền thông",
         "(dữ liệu mẫu) Nội dung Kế hoạch hành động đã được lồng ghép vào Kế hoạch chuyển "
         "đổi số năm 2022 của tỉnh", None),
    ]
    cur.executemany("INSERT INTO exception (id, obligation_id, agency_id, period, kind, new_due,"
                    " document_number, document_date, granted_by, reason, expires_on)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schema", required=True, help="path to data/schema.sql")
    ap.add_argument("--out", required=True, help="the database to write (replaced atomically)")
    ap.add_argument("--changes", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "agency_changes.yaml"),
                    help="the map's changes over time (default: data/agency_changes.yaml)")
    args = ap.parse_args(argv)

    with open(args.schema, encoding="utf-8") as f:
        schema = f.read()

    out = os.path.abspath(args.out)
    out_dir = os.path.dirname(out)
    fd, tmp = tempfile.mkstemp(prefix=".%s." % os.path.basename(out), suffix=".tmp", dir=out_dir)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(schema)
            fill(conn, Gen(SEED))
            sample_2024_2026.extend(conn, args.changes, ALL_IDS, KIND, NAME, DOC_CODE)
        finally:
            conn.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        for p in (tmp, tmp + "-journal"):
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
