#!/usr/bin/env python3
"""Deterministic generator of a large country for the dxcomply benchmark.

    python3 tests/bench/generate_large.py --schema data/schema.sql --out DB [--scale 1.0]

At --scale 1.0: 10,000 agencies, 1,000,000 information systems, 200,000
security staff, 3,000,000 tasks, about 3,000,000 task dependencies (about 5%
across agencies, a DAG: a task only depends on tasks with a lower id) and a
small measurement table. Every count scales linearly (--scale 0.01 gives a
small database for quick checks).

Deterministic: the same scale gives the same database content (the same
`sqlite3 DB .dump`) with the same Python minor version (the random module's
algorithms have been stable, but Python only promises that much). Every table
draws from its own random.Random seeded with a fixed string, so changing one
table does not change the others.

Python 3 standard library only. The tables and indexes are created by running
the schema file itself, so the database has exactly the schema's tables and
indexes, in its order, and nothing else (no sqlite_stat1). Two processes share
the work: the tables other than agency and task are built in a side file and
copied in. The file is written under a temporary name next to --out and
renamed when complete; progress goes to stderr.
"""

import argparse
import bisect
import datetime
import multiprocessing
import os
import random
import sqlite3
import sys
import time
import unicodedata
from math import sqrt

SEED = "dxcomply-bench-large-v1"

BASE = {
    "agency": 10_000,
    "information_system": 1_000_000,
    "security_staff": 200_000,
    "task": 3_000_000,
    "task_dependency": 3_000_000,  # about: the DAG construction aims at it
}

FIRST_DAY = datetime.date(2010, 1, 1).toordinal()
LAST_DAY = datetime.date(2025, 12, 31).toordinal()
# ISO text of every day the generator may write, indexed by ordinal - FIRST_DAY.
DAYS = [datetime.date.fromordinal(o).isoformat() for o in range(FIRST_DAY, LAST_DAY + 1)]


def day(iso):
    return datetime.date.fromisoformat(iso).toordinal()


def iso(ordinal):
    return DAYS[ordinal - FIRST_DAY]


D2012 = day("2012-01-01")
D2015 = day("2015-01-01")
D2016_07 = day("2016-07-01")  # Decree 85/2016 on security levels
D2020 = day("2020-01-01")
D2021 = day("2021-01-01")
END = day("2024-12-31")  # nothing is dated after this

T0 = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - T0:7.1f}s] {msg}", file=sys.stderr, flush=True)


def nfc(items):
    return [unicodedata.normalize("NFC", s) for s in items]


def rng_for(name):
    # A str seed is hashed with SHA-512 (seed version 2): stable across runs
    # and independent of PYTHONHASHSEED.
    return random.Random(f"{SEED}/{name}")


# --------------------------------------------------------------------------
# Names

PROVINCES = nfc([
    "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên",
    "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn",
    "Quảng Ninh", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương",
    "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế",
    "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông",
    "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
    "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
    "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang",
    "Sóc Trăng", "Bạc Liêu", "Cà Mau",
])
PROVINCE_UNITS = nfc([
    "Ủy ban nhân dân tỉnh", "Sở Thông tin và Truyền thông tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ tỉnh",
])
MINISTRIES = nfc([
    "Bộ Thông tin và Truyền thông", "Bộ Công an", "Bộ Tài chính", "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Kế hoạch và Đầu tư",
    "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải",
    "Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ", "Bộ Công Thương",
    "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Ủy ban Dân tộc",
    "Văn phòng Chính phủ",
])
MINISTRY_CODES = nfc(["BTTTT", "BCA", "BTC", "BYT", "BGDĐT", "BNV", "BTP", "BKHĐT",
                      "BNNPTNT", "BGTVT", "BXD", "BTNMT", "BLĐTBXH", "BVHTTDL",
                      "BKHCN", "BCT", "NHNN", "TTCP", "UBDT", "VPCP"])
GOV_AGENCIES = nfc([
    "Bảo hiểm xã hội Việt Nam", "Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam",
    "Đài Tiếng nói Việt Nam", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    "Viện Hàn lâm Khoa học xã hội Việt Nam", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh",
    "Đại học Quốc gia Hà Nội",
])
GOV_CODES = nfc(["BHXH", "THVN", "TTXVN", "ĐTNVN", "VHL", "VHLKHXH", "BQLL", "ĐHQGHN"])

SYSTEM_NAMES = nfc([
    "Hệ thống quản lý văn bản và điều hành", "Cổng thông tin điện tử",
    "Hệ thống thông tin giải quyết thủ tục hành chính", "Hệ thống thư điện tử công vụ",
    "Cơ sở dữ liệu chuyên ngành", "Hệ thống báo cáo", "Hệ thống một cửa điện tử",
    "Trung tâm dữ liệu", "Hệ thống hội nghị truyền hình trực tuyến",
    "Hệ thống quản lý hồ sơ cán bộ, công chức", "Hệ thống kế toán",
    "Hệ thống camera giám sát", "Hệ thống chữ ký số", "Mạng nội bộ (LAN)",
])

# The task-check obligations: (id, period, title, evidence document type,
# earliest start, chance of being completed).
OBLIGATIONS = [
    ("drill-2022", "2022", "Tổ chức diễn tập thực chiến an toàn thông tin mạng năm 2022", "BC", "2022-01-10", 0.55),
    ("plan-5y", "2021-2025", "Ban hành Kế hoạch bảo đảm an toàn thông tin mạng giai đoạn 2021-2025", "KH", "2021-02-01", 0.80),
    ("party-resolution", None, "Ban hành Nghị quyết chuyên đề về chuyển đổi số", "NQ", "2021-03-01", 0.75),
    ("action-plan-2022", "2022", "Ban hành Kế hoạch hành động chuyển đổi số năm 2022", "KH", "2021-12-01", 0.85),
    ("steering-reorg", None, "Kiện toàn Ban Chỉ đạo chuyển đổi số", "QĐ", "2021-06-01", 0.80),
    ("steering-plan-2022", "2022", "Ban hành Kế hoạch hoạt động của Ban Chỉ đạo chuyển đổi số năm 2022", "KH", "2022-01-03", 0.70),
    ("dx-day-plan-2022", None, "Ban hành Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia 10/10", "KH", "2022-07-01", 0.65),
    ("community-tech-teams", None, "Thành lập Tổ công nghệ số cộng đồng", "QĐ", "2022-03-01", 0.60),
    ("platforms-2022", None, "Triển khai các nền tảng số dùng chung năm 2022", "BC", "2022-02-01", 0.45),
    ("plan-146", None, "Ban hành Kế hoạch triển khai Quyết định 146/QĐ-TTg", "KH", "2022-02-15", 0.70),
    ("plan-411", None, "Ban hành Kế hoạch triển khai Chiến lược phát triển kinh tế số và xã hội số", "KH", "2022-04-01", 0.55),
    ("plan-cashless", None, "Ban hành Kế hoạch thúc đẩy thanh toán không dùng tiền mặt", "KH", "2022-01-15", 0.60),
    ("plan-smedx", None, "Ban hành Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số", "KH", "2022-03-15", 0.50),
    ("computers-for-kids", None, "Triển khai Chương trình \"Sóng và máy tính cho em\"", "BC", "2021-10-01", 0.50),
    ("dvc-lienthong-rollout", None, "Triển khai dịch vụ công liên thông khai sinh, khai tử", "BC", "2022-04-01", 0.60),
]
OBLIGATIONS = [(o, p, unicodedata.normalize("NFC", t), e, day(s), c) for o, p, t, e, s, c in OBLIGATIONS]
N_OBL = len(OBLIGATIONS)

SUBSTEPS = nfc([
    "xây dựng dự thảo", "lấy ý kiến các đơn vị", "trình ký ban hành", "tổ chức triển khai",
    "kiểm tra, đôn đốc", "báo cáo kết quả", "bố trí kinh phí", "tập huấn",
])
INTERNAL_TITLES = nfc([
    "Rà soát, cập nhật danh mục hệ thống thông tin", "Nâng cấp phần mềm quản lý văn bản",
    "Kiểm tra, đánh giá an toàn thông tin định kỳ", "Đào tạo kỹ năng số cho cán bộ",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Mua sắm thiết bị tường lửa",
    "Gia hạn chứng thư số", "Xây dựng cơ sở dữ liệu chuyên ngành",
    "Tích hợp với Cổng Dịch vụ công quốc gia", "Sao lưu dự phòng dữ liệu",
    "Khắc phục lỗ hổng bảo mật", "Tuyên truyền về chuyển đổi số",
])


# --------------------------------------------------------------------------
# Tables


class Country:
    """The agencies and the per-agency weights the other tables draw from."""

    def __init__(self, scale):
        rng = rng_for("agency")
        n = max(3, round(BASE["agency"] * scale))
        self.n = n
        self.ids = [f"A{i:05d}" if n < 100_000 else f"A{i:06d}" for i in range(1, n + 1)]
        kinds = rng.choices(["province", "ministry", "gov_agency"], weights=[95, 2, 3], k=n)
        kinds[0], kinds[1], kinds[2] = "ministry", "gov_agency", "province"  # at least one of each
        self.kinds = kinds
        self.rows = []
        self.code = []  # issuer code in document numbers
        per_kind = {"province": 0, "ministry": 0, "gov_agency": 0}
        for i, kind in enumerate(kinds):
            per_kind[kind] += 1
            k = per_kind[kind]
            if kind == "province":
                name = f"{rng.choice(PROVINCE_UNITS)} {rng.choice(PROVINCES)} số {k}"
                code = "UBND"
            elif kind == "ministry":
                j = rng.randrange(len(MINISTRIES))
                name = f"{MINISTRIES[j]} số {k}"
                code = MINISTRY_CODES[j]
            else:
                j = rng.randrange(len(GOV_AGENCIES))
                name = f"{GOV_AGENCIES[j]} số {k}"
                code = GOV_CODES[j]
            self.rows.append((self.ids[i], name, kind, None))
            self.code.append(code)
        self.central = [k != "province" for k in kinds]

        # Uneven (Pareto) sizes: how many systems, staff and tasks an agency
        # has. Central bodies are bigger; about 2% of agencies own no system.
        boost = {"province": 1.0, "ministry": 4.0, "gov_agency": 2.0}
        self.size = [rng.paretovariate(1.3) * boost[k] for k in kinds]
        self.sys_weight = [0.0 if rng.random() < 0.02 else s for s in self.size]
        self.staff_weight = [0.0 if rng.random() < 0.03 else s ** 0.5 for s in self.size]
        self.task_weight = [s ** 0.8 for s in self.size]


def systems(country, n, counts):
    rng = rng_for("information_system")
    owners = rng.choices(range(country.n), cum_weights=list(accumulate(country.sys_weight)), k=n)
    per_agency = [0] * country.n
    rand = rng.random
    levels = rng.choices([None, 1, 2, 3, 4, 5], weights=[7, 8, 42, 36, 11, 3], k=n)
    for sid in range(1, n + 1):
        a = owners[sid - 1]
        per_agency[a] += 1
        name = f"{SYSTEM_NAMES[int(rand() * len(SYSTEM_NAMES))]} số {per_agency[a]}"
        created = None if rand() < 0.04 else int(D2015 + (END - D2015) * sqrt(rand()))
        start = created if created is not None else D2015
        stopped = None
        if rand() < 0.07:
            s = start + 180 + int(rand() * 2321)
            stopped = s if s <= END else None
        last = stopped if stopped is not None else END
        level = levels[sid - 1]
        approved = protected = None
        if level is not None and rand() < 0.75:
            d = max(start, D2016_07) + 20 + int(rand() * 681)
            if d <= last:
                approved = d
                if rand() < 0.65:
                    d = approved + 15 + int(rand() * 526)
                    if d <= last:
                        protected = d
        monitored = None
        if rand() < 0.45:
            d = start + int(rand() * 1201)
            if d <= last:
                monitored = d
        popdb = 1 if rand() < 0.18 else 0
        counts["is_stopped"] += stopped is not None
        counts["is_popdb"] += popdb
        yield (sid, country.ids[a], name, level,
               None if approved is None else iso(approved),
               None if protected is None else iso(protected),
               None if monitored is None else iso(monitored),
               popdb,
               None if created is None else iso(created),
               None if stopped is None else iso(stopped))
    counts["systems_per_agency"] = per_agency


def staff(country, n):
    rng = rng_for("security_staff")
    owners = rng.choices(range(country.n), cum_weights=list(accumulate(country.staff_weight)), k=n)
    roles = rng.choices(["security_specialist", "incident_responder", "manager", "support"],
                        weights=[45, 20, 15, 20], k=n)
    employment = rng.choices(["civil_servant", "contract", "hired_expert"], weights=[60, 30, 10], k=n)
    rand = rng.random
    for i in range(n):
        joined = None if rand() < 0.03 else int(D2012 + (END - D2012) * sqrt(rand()))
        left = None
        if rand() < 0.14:
            d = (joined if joined is not None else D2012) + 90 + int(rand() * 2411)
            left = d if d <= END else None
        yield (i + 1, country.ids[owners[i]], roles[i], employment[i],
               None if joined is None else iso(joined),
               None if left is None else iso(left))


class TaskPlan:
    """Which agency owns each task id, and what the task is.

    Ids 1 .. N_OBL * agencies are the obligation tasks, one per agency and
    obligation (an agency's k-th of them serves OBLIGATIONS[k]), in a shuffled
    agency order: what agencies record at the start of the period. The
    remaining ids are work items, dealt to agencies at random by a Pareto-ish
    weight, so that an agency's items are interleaved with everyone else's as
    a producer adding them over time would interleave them. 30% of the work
    items are sub-tasks of one of the agency's obligations (same obligation_id
    and period), the rest internal items (obligation_id 'internal-<n>').
    """

    def __init__(self, country, n):
        rng = rng_for("task-plan")
        rand = rng.random
        first = [a for a in range(country.n) for _ in range(N_OBL)]
        rng.shuffle(first)
        extra = max(0, n - len(first))
        rest = rng.choices(range(country.n), cum_weights=list(accumulate(country.task_weight)), k=extra)
        owner = first + rest
        self.n = len(owner)
        self.owner = owner  # owner[tid - 1]: agency index
        # kind[tid - 1]: 0..N_OBL-1 the obligation task itself,
        # N_OBL + j a sub-task of obligation j, -1 an internal work item.
        kind = [-1] * self.n
        by_agency = [[] for _ in range(country.n)]  # task ids, increasing
        central_obl = []  # obligation task ids of ministries and gov agencies, increasing
        central = country.central
        for i, a in enumerate(first):
            mine = by_agency[a]
            kind[i] = len(mine)
            mine.append(i + 1)
            if central[a]:
                central_obl.append(i + 1)
        sub = 0.3
        for i in range(len(first), self.n):
            by_agency[owner[i]].append(i + 1)
            r = rand()
            if r < sub:
                kind[i] = N_OBL + min(N_OBL - 1, int(r / sub * N_OBL))
        self.kind = kind
        self.by_agency = by_agency
        self.central_obl = central_obl


def tasks(country, plan):
    rng = rng_for("task")
    rand = rng.random
    ids = country.ids
    codes = country.code
    # Every title and period string is made once: the rows share them (and
    # their UTF-8 form, which sqlite3 caches per string object).
    sub_titles = [[f"{title}: {step}" for step in SUBSTEPS] for _, _, title, _, _, _ in OBLIGATIONS]
    n_steps = len(SUBSTEPS)
    internal_titles = [f"{t} (đợt {k})" for t in INTERNAL_TITLES for k in range(1, 13)]
    n_internal_titles = len(internal_titles)
    internal_ids = [f"internal-{k}" for k in range(1, 401)]
    month = {}
    months = [month.setdefault(d[:7], d[:7]) for d in DAYS]  # month of a day, shared strings
    # The obligation task's start date, per agency and obligation, for its sub-tasks.
    obl_start = {}

    def status(started, p_done, min_days, max_days):
        if started is None:
            return None, (None if rand() < 0.6 else 0.0)
        if rand() < p_done:
            done = started + min_days + int(rand() * (max_days - min_days + 1))
            if done <= END:
                return done, 1.0
        return None, round(0.05 + 0.9 * rand(), 2)

    owner = plan.owner
    kinds = plan.kind
    for tid in range(1, plan.n + 1):
        a = owner[tid - 1]
        kind = kinds[tid - 1]
        if kind >= 0:
            j = kind if kind < N_OBL else kind - N_OBL
            obl, period, title, doc, first, p_done = OBLIGATIONS[j]
            if kind < N_OBL:
                started = None if rand() < 0.08 else first + int(rand() * 241)
                obl_start[(a, j)] = started
                done, progress = status(started, p_done, 7, 300)
            else:
                base = obl_start.get((a, j)) or first
                title = sub_titles[j][int(rand() * n_steps)]
                started = None if rand() < 0.15 else base + int(rand() * 201)
                done, progress = status(started, p_done * 0.9, 3, 150)
            evidence = None
            if done is not None and rand() < 0.95:
                if rand() < 0.8:
                    evidence = f"{1 + int(rand() * 3999)}/{doc}-{codes[a]}"
                else:
                    evidence = f"{1 + int(rand() * 3999)}/{DAYS[done - FIRST_DAY][:4]}/{doc}-{codes[a]}"
        else:
            obl = internal_ids[int(rand() * 400)]
            title = internal_titles[int(rand() * n_internal_titles)]
            started = None if rand() < 0.1 else int(D2020 + (END - D2020) * sqrt(rand()))
            # a monthly duty's period is the month it was started in
            period = None if started is None or rand() < 0.4 else months[started - FIRST_DAY]
            done, progress = status(started, 0.55, 1, 200)
            evidence = None
            if done is not None and rand() < 0.3:
                evidence = f"{1 + int(rand() * 3999)}/BC-{codes[a]}"
        yield (tid, ids[a], obl, period, title,
               None if started is None else DAYS[started - FIRST_DAY], progress,
               None if done is None else DAYS[done - FIRST_DAY], evidence)


def dependencies(country, plan, n_target, counts):
    """A DAG: every task depends only on tasks with a lower id.

    Each task draws a number of prerequisites (mean tuned so the total comes
    out near n_target); a sub-task always depends on its agency's obligation
    task. About 5% of the edges cross agencies: 60% of those point at an
    obligation task of a ministry or government agency (a province waits for
    a central platform or plan), the rest at any earlier task of another
    agency. Within an agency, half the edges point at one of the 8 previous
    tasks (chains), half at any earlier task.
    """
    rng = rng_for("task_dependency")
    rand = rng.random
    # Number of prerequisites drawn per task: 0..4 with these weights (mean
    # 0.915; sub-tasks add their parent, the first tasks of an agency and
    # duplicate draws lose some: about one edge per task in all), scaled when
    # n_target is not one edge per task.
    weights = [0.38, 0.42, 0.13, 0.045, 0.025]
    ratio = n_target / max(1, plan.n)
    cum = list(accumulate(weights))
    owner = plan.owner
    kinds = plan.kind
    by_agency = plan.by_agency
    central = plan.central_obl
    seen = [0] * country.n  # tasks of the agency so far
    cross = 0
    total = 0
    for tid in range(1, plan.n + 1):
        a = owner[tid - 1]
        k = seen[a]
        seen[a] = k + 1
        mine = by_agency[a]
        kind = kinds[tid - 1]
        d = bisect.bisect_right(cum, rand() * cum[-1])
        if ratio != 1.0:
            d = int(d * ratio + rand())
        deps = set()
        if kind >= N_OBL:
            deps.add(mine[kind - N_OBL])
            d -= 1
        for _ in range(d):
            if rand() < 0.065:
                dep = 0
                if central and rand() < 0.6:
                    hi = bisect.bisect_left(central, tid)
                    if hi:
                        dep = central[int(rand() * hi)]
                elif tid > 1:
                    dep = 1 + int(rand() * (tid - 1))
                if dep and owner[dep - 1] != a:
                    deps.add(dep)
                    continue
            if k:
                j = int(rand() * k) if rand() < 0.5 else k - 1 - int(rand() * min(k, 8))
                deps.add(mine[j])
        for dep in sorted(deps):
            if owner[dep - 1] != a:
                cross += 1
            total += 1
            yield (tid, dep)
    counts["deps_cross"] = cross
    counts["deps_total"] = total


def measurements(country):
    """Indicator values: national monthly series and per-agency quarterly
    figures around the as-of date. Synthetic numbers (the source says so)."""
    rng = rng_for("measurement")
    dvc = [
        ("dvc-online-dossier-share", 0.12, 0.55),
        ("dvc-online-processing-share", 0.20, 0.60),
    ]
    national_src = unicodedata.normalize("NFC", "Cổng Dịch vụ công quốc gia (số liệu giả lập)")
    months = [(y, m) for y in range(2021, 2025) for m in range(1, 13)]
    for ind, lo, hi in dvc:
        for i, (y, m) in enumerate(months):
            last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).isoformat()
            v = lo + (hi - lo) * i / (len(months) - 1) + rng.uniform(-0.01, 0.01)
            yield (ind, None, last, round(v, 4), national_src)
    gdp_src = unicodedata.normalize("NFC", "Báo cáo kinh tế số (số liệu giả lập)")
    v = 0.10
    for y in range(2020, 2025):
        v += rng.uniform(0.005, 0.02)
        yield ("de-gdp-share", None, f"{y}-12-31", round(v, 4), gdp_src)
    dates = ["2021-12-31", "2022-06-30", "2022-09-30", "2022-12-31"]
    agency_src = unicodedata.normalize("NFC", "Hệ thống thông tin giải quyết thủ tục hành chính (số liệu giả lập)")
    for a in range(country.n):
        for ind, lo, hi in dvc:
            v = rng.uniform(0.0, lo * 2)
            for d in dates:
                v = min(1.0, v + rng.uniform(0.0, (hi - lo) / 2))
                yield (ind, country.ids[a], d, round(v, 4), agency_src)


def accumulate(xs):
    total = 0.0
    for x in xs:
        total += x
        yield total


# --------------------------------------------------------------------------
# Building the file


PRAGMAS = [
    "PRAGMA journal_mode=OFF",
    "PRAGMA synchronous=OFF",
    "PRAGMA locking_mode=EXCLUSIVE",
    "PRAGMA cache_size=-1048576",  # 1 GiB: the indexes being built stay in memory
    "PRAGMA temp_store=MEMORY",
]


def remove(*paths):
    for p in paths:
        for q in (p, p + "-journal"):
            if os.path.exists(q):
                os.remove(q)


def open_new(path, schema):
    """A new database at path with the schema, verbatim: tables and indexes
    exactly as data/schema.sql declares them, in its order. (Creating the
    indexes after the bulk load instead is no faster here: 3 million task
    rows take about as long either way.)"""
    remove(path)
    db = sqlite3.connect(path, isolation_level=None)
    for p in PRAGMAS:
        db.execute(p)
    db.executescript(schema)
    return db


def build_side(path, schema, country, plan, n, conn):
    """In a second process: every table but agency and task, with their
    indexes, into a side database with the same schema, which the main
    process then copies from (SQLite's transfer optimisation copies the rows
    and the index entries in order, without re-sorting)."""
    try:
        counts = {"is_stopped": 0, "is_popdb": 0}
        db = open_new(path, schema)
        db.execute("BEGIN")
        db.executemany("INSERT INTO information_system VALUES (?,?,?,?,?,?,?,?,?,?)",
                       systems(country, n["information_system"], counts))
        log(f"information_system: {n['information_system']} rows")
        db.executemany("INSERT INTO task_dependency VALUES (?,?)",
                       dependencies(country, plan, n["task_dependency"], counts))
        log(f"task_dependency: {counts['deps_total']} rows, {counts['deps_cross']} across agencies")
        db.executemany("INSERT INTO security_staff VALUES (?,?,?,?,?,?)", staff(country, n["security_staff"]))
        log(f"security_staff: {n['security_staff']} rows")
        db.executemany("INSERT INTO measurement VALUES (?,?,?,?,?)", measurements(country))
        counts["measurement"] = db.execute("SELECT count(*) FROM measurement").fetchone()[0]
        log(f"measurement: {counts['measurement']} rows")
        db.execute("COMMIT")
        db.close()
        conn.send(("ok", counts))
    except BaseException as e:  # report to the parent, which cleans up
        conn.send(("error", repr(e)))
        raise


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--schema", required=True, help="data/schema.sql")
    ap.add_argument("--out", required=True, help="database file to write (replaced)")
    ap.add_argument("--scale", type=float, default=1.0, help="1.0: the large country; 0.01: a quick check")
    args = ap.parse_args()
    if not args.scale > 0:
        ap.error("--scale must be positive")

    with open(args.schema, encoding="utf-8") as f:
        schema = f.read()
    side_tables = ["information_system", "security_staff", "task_dependency", "measurement"]

    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = f"{out}.tmp-{os.getpid()}"
    side = f"{out}.side-{os.getpid()}"
    n = {k: max(1, round(v * args.scale)) for k, v in BASE.items()}
    log(f"scale {args.scale}: writing {tmp}")

    country = Country(args.scale)
    plan = TaskPlan(country, n["task"])
    log(f"task plan: {plan.n} tasks")

    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=build_side, args=(side, schema, country, plan, n, send), daemon=True)
    child.start()
    send.close()
    try:
        db = open_new(tmp, schema)
        db.execute("BEGIN")
        db.executemany("INSERT INTO agency (id, name, kind, parent_id) VALUES (?,?,?,?)", country.rows)
        log(f"agency: {country.n} rows")
        db.executemany("INSERT INTO task (id, agency_id, obligation_id, period, title, started_on,"
                       " progress, completed_on, evidence) VALUES (?,?,?,?,?,?,?,?,?)", tasks(country, plan))
        log(f"task: {plan.n} rows")
        db.execute("COMMIT")

        try:
            status, counts = recv.recv()
        except EOFError:
            status, counts = "error", "ended without a result"
        child.join()
        if status != "ok" or child.exitcode != 0:
            raise RuntimeError(f"side process failed: {counts} (exit code {child.exitcode})")
        db.execute("ATTACH DATABASE ? AS side", (side,))
        db.execute("BEGIN")
        for t in side_tables:
            db.execute(f'INSERT INTO main."{t}" SELECT * FROM side."{t}"')
        db.execute("COMMIT")
        db.execute("DETACH DATABASE side")
        log(f"copied {', '.join(side_tables)}")
        db.close()
    except BaseException:
        if child.is_alive():
            child.kill()
        child.join()
        remove(tmp, side)
        raise
    remove(side)
    os.replace(tmp, out)

    spa = sorted(counts["systems_per_agency"])
    na = len(spa)
    total = counts["deps_total"]
    log(f"done: {out}, {os.path.getsize(out) / 2**20:.0f} MiB")
    print(
        f"agencies {country.n} (province {country.kinds.count('province')}, "
        f"ministry {country.kinds.count('ministry')}, gov_agency {country.kinds.count('gov_agency')}); "
        f"information_system {n['information_system']} (per agency: none {spa.count(0)}, "
        f"median {spa[na // 2]}, p90 {spa[na * 9 // 10]}, p99 {spa[na * 99 // 100]}, max {spa[-1]}; "
        f"stopped {counts['is_stopped']}, popdb {counts['is_popdb']}); "
        f"security_staff {n['security_staff']}; task {plan.n}; "
        f"task_dependency {total} ({counts['deps_cross']} across agencies, "
        f"{100.0 * counts['deps_cross'] / max(1, total):.1f}%); measurement {counts['measurement']}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
