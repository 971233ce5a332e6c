"""The sample country after 2023: the map's changes and the records of 2024-2026.

Called by generate_sample.py once the 2021-2023 records are written. It
applies data/agency_changes.yaml (agencies that begin or cease, Huế's new
name, the successions of 1/3/2025 and 1/7/2025) to the agency tables, marks
the database as sample data, and adds invented records for the duties in
force after the seeds (rules/cybersecurity-2024.yaml, resolution-57.yaml,
plan-2026.yaml) and for the recurring duties of 2024-2026.

Every invented record of this part is dated after the 2021-2023 part's
golden dates (the first is recorded on 2023-10-02, after 2023-09-18), so a
report as of any date of 2022-2023 reads the same rows as before. New task
rows carry `recorded_on` (the task table's optional lifetime column): a task
put on record in 2024 did not exist in 2023. Existing rows only get dates
after 2023: an approval, a protection plan, a completion, a stop.

It draws from its own random generator (SEED_2024), never from the 2021-2023
part's, so that part's rows and draws do not change.
"""

import datetime as dt
import random

import yaml

D = dt.date
SEED_2024 = 20250701  # the day of the 34 provinces; any fixed value would do
FIRST_RECORDED = D(2023, 10, 2)  # after every 2021-2023 golden date
LAST_DAY = D(2026, 11, 30)       # the demo reports as of 2026-12-01

DATASET = ("Quốc gia mẫu dxcomply (sample country)", 1,
           "DỮ LIỆU MẪU (sample data): số liệu của từng cơ quan là số liệu giả lập để "
           "thử nghiệm, không phải số liệu thật của các cơ quan có tên")


def iso(d):
    return None if d is None else d.isoformat()


def days(n):
    return dt.timedelta(days=n)


class Rng:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def date(self, a, b):
        if b < a:
            raise ValueError("empty date range %s..%s" % (a, b))
        return a + days(self.rng.randint(0, (b - a).days))

    def workday(self, a, b):
        d = self.date(a, b)
        for step in (1, -1):
            e = d
            while a <= e <= b:
                if e.weekday() < 5:
                    return e
                e += days(step)
        return d

    def chance(self, p):
        return self.rng.random() < p

    def uniform(self, a, b):
        return self.rng.uniform(a, b)

    def randint(self, a, b):
        return self.rng.randint(a, b)


# ---------------------------------------------------------------------------
# The map over time
# ---------------------------------------------------------------------------

class Map:
    """Agencies over time, as the engine reads them (from inclusive, until
    exclusive), from the sample's agencies and the changes file."""

    def __init__(self, changes, all_ids, kind, name):
        self.kind = dict(kind)
        self.name = dict(name)
        self.ids = list(all_ids)
        self.valid_from = {}
        self.valid_until = {}
        self.versions = []     # (agency, from, name, kind, source)
        self.successions = []  # (predecessor, successor, on, main, source)
        for a in changes.get("agencies", []):
            aid = a["id"]
            if aid not in self.kind:
                self.ids.append(aid)
                self.kind[aid] = a["kind"]
                self.name[aid] = a["name"]
            if a.get("from"):
                self.valid_from[aid] = a["from"]
            if a.get("until"):
                self.valid_until[aid] = a["until"]
        for r in changes.get("renames", []):
            self.versions.append((r["id"], r["on"], r["name"], r["kind"], r["source"]))
        for s in changes.get("successions", []):
            on = s["on"]
            for p in s["predecessors"]:
                if p in s["successors"]:
                    continue  # the agency that continues
                self.valid_until[p] = on
                for i, q in enumerate(s["successors"]):
                    self.successions.append((p, q, on, 1 if i == 0 else 0, s["source"]))
        for aid in self.ids:
            if aid not in self.kind:
                raise ValueError("agency_changes.yaml names unknown agency %s" % aid)

    def exists(self, a, d):
        return (a not in self.valid_from or self.valid_from[a] <= d) and \
               (a not in self.valid_until or d < self.valid_until[a])

    def kind_on(self, a, d):
        k = self.kind[a]
        for aid, on, _name, kind, _src in self.versions:
            if aid == a and on <= d:
                k = kind
        return k

    def on(self, d, kinds):
        return [a for a in self.ids if self.exists(a, d) and self.kind_on(a, d) in kinds]

    def main_successor(self, a):
        for p, q, _on, main, _src in self.successions:
            if p == a and main:
                return q
        return None

    def holder(self, a, d):
        while not self.exists(a, d):
            q = self.main_successor(a)
            if q is None:
                return a
            a = q
        return a

    def write(self, cur):
        for aid in self.ids:
            if not self.exists_row(cur, aid):
                cur.execute("INSERT INTO agency (id, name, kind, parent_id) VALUES (?, ?, ?, NULL)",
                            (aid, self.name[aid], self.kind[aid]))
            cur.execute("UPDATE agency SET valid_from = ?, valid_until = ? WHERE id = ?",
                        (iso(self.valid_from.get(aid)), iso(self.valid_until.get(aid)), aid))
        for aid, on, name, kind, src in self.versions:
            cur.execute("INSERT INTO agency_version (agency_id, valid_from, name, kind, source)"
                        " VALUES (?, ?, ?, ?, ?)", (aid, iso(on), name, kind, src))
        for p, q, on, main, src in self.successions:
            cur.execute("INSERT INTO agency_succession (predecessor_id, successor_id, effective_on,"
                        " main, source) VALUES (?, ?, ?, ?, ?)", (p, q, iso(on), main, src))

    @staticmethod
    def exists_row(cur, aid):
        return cur.execute("SELECT 1 FROM agency WHERE id = ?", (aid,)).fetchone() is not None


def load_changes(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


# ---------------------------------------------------------------------------
# Records of 2024-2026
# ---------------------------------------------------------------------------

MINISTRY, GOV, PROVINCE = "ministry", "gov_agency", "province"


def docno(r, m, agency, kind):
    n = r.randint(35, 3600)
    if m.kind_on(agency, LAST_DAY) == PROVINCE or m.kind[agency] == PROVINCE:
        return "%d/%s-UBND" % (n, kind)
    return "%d/%s-%s" % (n, kind, agency)


class Tasks:
    def __init__(self, cur):
        self.cur = cur
        self.next_id = cur.execute("SELECT coalesce(max(id), 0) + 1 FROM task").fetchone()[0]

    def add(self, agency, obligation, period, title, recorded, started, completed=None,
            progress=None, evidence=None):
        if completed is not None:
            progress = 1.0
        elif progress is None:
            progress = 0.0
        self.cur.execute(
            "INSERT INTO task (id, agency_id, obligation_id, period, title, started_on, progress,"
            " completed_on, evidence, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.next_id, agency, obligation, period, title, iso(started), progress,
             iso(completed), evidence, iso(recorded)))
        self.next_id += 1


def one_task(r, m, tk, agency, obligation, period, title, open_from, due, p_on_time, p_late,
             late_until, doc_kind="KH"):
    """A task recorded from `open_from`: done by `due` (p_on_time), done late
    (p_late, by `late_until`), or still open (started, some progress)."""
    recorded = r.workday(open_from, min(due, LAST_DAY))
    x = r.rng.random()
    if x < p_on_time:
        completed = r.workday(recorded, min(due, LAST_DAY))
    elif x < p_on_time + p_late and due < min(late_until, LAST_DAY):
        completed = r.workday(due + days(1), min(late_until, LAST_DAY))
    else:
        completed = None
    if completed is not None and completed > LAST_DAY:
        completed = None
    if completed is None:
        tk.add(agency, obligation, period, title, recorded, recorded,
               progress=round(r.uniform(0.1, 0.8), 2))
    else:
        tk.add(agency, obligation, period, title, recorded, recorded, completed,
               evidence=docno(r, m, agency, doc_kind))


def recurring_tasks(r, m, tk):
    # The yearly plan (action-plan, due 15/12 of the year before), by the
    # ministries and provinces existing on its due date.
    for year, p_on_time, p_late in ((2024, 0.35, 0.50), (2025, 0.45, 0.45), (2026, 0.5, 0.35),
                                    (2027, 0.4, 0.0)):
        due = D(year - 1, 12, 15)
        open_from = max(FIRST_RECORDED, D(year - 1, 10, 1))
        for a in m.on(due, (MINISTRY, PROVINCE)):
            one_task(r, m, tk, a, "action-plan", str(year),
                     "Ban hành kế hoạch chuyển đổi số năm %d" % year, open_from, due, p_on_time,
                     p_late, D(year, 6, 30), "KH")
    # The provinces' yearly review (annual-review, due 31/12).
    for year, p_on_time, p_late in ((2024, 0.6, 0.3), (2025, 0.65, 0.25), (2026, 0.3, 0.0)):
        due = D(year, 12, 31)
        for a in m.on(min(due, LAST_DAY), (PROVINCE,)):
            one_task(r, m, tk, a, "annual-review", str(year),
                     "Sơ kết, đánh giá tình hình thực hiện chuyển đổi số năm %d" % year,
                     D(year, 11, 1), due, p_on_time, p_late, D(year + 1, 6, 30), "BC")
    # The monthly national report: Bộ Thông tin và Truyền thông to 2/2025,
    # then Bộ Khoa học và Công nghệ (one month missed in each; the month of
    # the merger among them).
    month = D(2023, 11, 1)
    while month <= D(2026, 11, 1):
        last = (month.replace(day=28) + days(4)).replace(day=1) - days(1)
        owner = "BTTTT" if month < D(2025, 3, 1) else "BKHCN"
        if month not in (D(2024, 6, 1), D(2025, 3, 1)):
            completed = r.workday(last - days(6), last) if not month == D(2025, 9, 1) else \
                last + days(r.randint(3, 12))
            tk.add(owner, "national-dx-report", month.strftime("%Y-%m"),
                   "Báo cáo chuyển đổi số quốc gia tháng %d năm %d" % (month.month, month.year),
                   completed - days(10), completed - days(10), completed,
                   evidence="%d/BC-%s" % (r.randint(100, 450), owner))
        month = last + days(1)


def new_duty_tasks(r, m, tk):
    # plan-57: every agency existing in February 2025, due 28/02/2025.
    due = D(2025, 2, 28)
    for a in m.on(due, (MINISTRY, GOV, PROVINCE)):
        one_task(r, m, tk, a, "plan-57", None,
                 "Ban hành Kế hoạch thực hiện Chương trình hành động của Chính phủ thực hiện "
                 "Nghị quyết số 57-NQ/TW", D(2025, 1, 13), due, 0.72, 0.18, D(2025, 6, 30), "KH")
    # Online public services of the communes (due 15/8/2025) and of the
    # province (in 2025): the 34 provinces.
    for ob, due, p_on_time, p_late, title in (
            ("dvc-commune-2025", D(2025, 8, 15), 0.6, 0.3,
             "Hoàn thành cung cấp dịch vụ công trực tuyến thuộc thẩm quyền cấp xã"),
            ("dvc-province-2025", D(2025, 12, 31), 0.7, 0.15,
             "Hoàn thành cung cấp dịch vụ công trực tuyến thuộc thẩm quyền cấp tỉnh")):
        for a in m.on(due, (PROVINCE,)):
            one_task(r, m, tk, a, ob, None, title, D(2025, 7, 1), due, p_on_time, p_late,
                     D(2026, 6, 30), "BC")


def finish_old_tasks(r, cur):
    """About half of the tasks still open at the end of 2023 are completed in
    2024-2025 (by the agency, or by its successor holding its records)."""
    rows = cur.execute("SELECT id, agency_id, evidence FROM task WHERE completed_on IS NULL"
                       " AND recorded_on IS NULL ORDER BY id").fetchall()
    for tid, agency, evidence in rows:
        if not r.chance(0.5):
            continue
        completed = r.workday(D(2024, 1, 8), D(2025, 11, 28))
        cur.execute("UPDATE task SET completed_on = ?, evidence = ? WHERE id = ?",
                    (iso(completed), evidence or "%d/BC-%s" % (r.randint(100, 900), agency), tid))


def systems(r, m, cur):
    """Chỉ thị 09/CT-TTg (2024): most systems approved by 30/9/2024 and
    protected by 31/12/2024, some late, a few never; new systems in
    2024-2026, some of them approved; some systems stopped."""
    diligence = {a: r.uniform(0.5, 1.0) for a in m.ids}
    rows = cur.execute("SELECT id, agency_id, level, level_approved_on, protection_deployed_on,"
                       " monitored_since, stopped_on FROM information_system ORDER BY id").fetchall()
    for sid, agency, level, approved, protected, monitored, stopped in rows:
        if stopped is not None and stopped <= "2023-12-31":
            continue
        if stopped is None and r.chance(0.03):
            stopped = iso(r.date(D(2024, 2, 1), LAST_DAY))
            cur.execute("UPDATE information_system SET stopped_on = ? WHERE id = ?", (stopped, sid))
        eol = LAST_DAY if stopped is None else D.fromisoformat(stopped) - days(1)
        if eol < D(2024, 1, 2):
            continue
        if approved is None and level is not None and r.chance(diligence[agency]):
            hi = D(2024, 9, 30) if r.chance(0.8) else D(2025, 12, 31)
            approved = iso(r.workday(D(2024, 1, 2), min(hi, eol)))
            cur.execute("UPDATE information_system SET level_approved_on = ? WHERE id = ?",
                        (approved, sid))
        if approved is not None and protected is None and r.chance(diligence[agency]):
            lo = max(D.fromisoformat(approved), D(2024, 1, 2))
            hi = D(2024, 12, 31) if r.chance(0.8) else D(2026, 6, 30)
            if lo <= min(hi, eol):
                cur.execute("UPDATE information_system SET protection_deployed_on = ? WHERE id = ?",
                            (iso(r.workday(lo, min(hi, eol))), sid))
        if approved is not None and monitored is None and r.chance(0.6):
            lo = max(D.fromisoformat(approved), D(2024, 1, 2))
            if lo <= eol:
                cur.execute("UPDATE information_system SET monitored_since = ? WHERE id = ?",
                            (iso(r.date(lo, eol)), sid))
    # New systems, by the agencies existing when they start.
    next_id = cur.execute("SELECT max(id) + 1 FROM information_system").fetchone()[0]
    for a in m.ids:
        for _ in range(r.randint(0, 3)):
            created = r.date(D(2024, 1, 2), D(2026, 9, 30))
            if not m.exists(a, created):
                continue
            level = r.randint(1, 4)
            approved = created + days(r.randint(20, 200)) if r.chance(0.7) else None
            protected = approved + days(r.randint(10, 120)) if approved and r.chance(0.7) else None
            approved = approved if approved and approved <= LAST_DAY else None
            protected = protected if protected and approved and protected <= LAST_DAY else None
            cur.execute(
                "INSERT INTO information_system (id, agency_id, name, level, level_approved_on,"
                " protection_deployed_on, monitored_since, connects_population_db, created_on,"
                " stopped_on) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?, NULL)",
                (next_id, a, "Hệ thống thông tin nghiệp vụ %d" % next_id, level, iso(approved),
                 iso(protected), iso(created)))
            next_id += 1


def staff(r, m, cur):
    """A few specialists join the agencies existing in 2024-2026."""
    next_id = cur.execute("SELECT max(id) + 1 FROM security_staff").fetchone()[0]
    for a in m.ids:
        for _ in range(r.randint(0, 2)):
            joined = r.date(D(2024, 1, 2), D(2026, 10, 30))
            if not m.exists(a, joined):
                continue
            cur.execute("INSERT INTO security_staff (id, agency_id, role, employment, joined_on,"
                        " left_on) VALUES (?, ?, ?, ?, ?, NULL)",
                        (next_id, a, "security_specialist" if r.chance(0.7) else "incident_responder",
                         "hired_expert" if r.chance(0.5) else "civil_servant", iso(joined)))
            next_id += 1


def measurements(r, m, cur):
    rows = []

    def series(indicator, kinds, dates, start, step, reach_one):
        """Per agency existing on each date: a share rising from about
        `start` by about `step` a date, capped at 1.0; those in `reach_one`
        reach 1.0 by the last date."""
        for a in sorted(set(x for d in dates for x in m.on(d, kinds))):
            value = r.uniform(start - 0.1, start + 0.1)
            full = r.chance(reach_one)
            for i, d in enumerate(dates):
                if not m.exists(a, d) or m.kind_on(a, d) not in kinds:
                    continue
                if full and i == len(dates) - 1:
                    value = 1.0
                rows.append((indicator, a, d, round(min(value, 1.0), 4),
                             "invented (sample_2024_2026.py)"))
                value += step * r.uniform(0.5, 1.5)

    quarters = [D(y, mo, 30 if mo in (6, 9) else 31) for y in (2024, 2025) for mo in (3, 6, 9, 12)]
    series("work-files-online-share", (MINISTRY, GOV, PROVINCE),
           [d for d in quarters if d <= D(2025, 6, 30)], 0.7, 0.06, 0.55)
    series("tthc-full-online-share", (MINISTRY, PROVINCE),
           [D(2025, 12, 31), D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30)], 0.62, 0.04, 0.0)
    series("commune-staff-equipped-share", (PROVINCE,),
           [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30)], 0.75, 0.06, 0.3)
    series("staff-digital-skills-share", (MINISTRY, GOV, PROVINCE),
           [D(2025, 12, 31), D(2026, 6, 30)], 0.55, 0.15, 0.0)
    for indicator, d, value, source in NATIONAL_2025:
        rows.append((indicator, None, d, value, source))
    for ind, a, d, v, src in rows:
        cur.execute("INSERT INTO measurement (indicator_id, agency_id, as_of, value, source)"
                    " VALUES (?, ?, ?, ?, ?)", (ind, a, iso(d), v, src))


# National figures published after the seeds (docs/sources.md).
NATIONAL_2025 = [
    ("de-gdp-share-gso", D(2025, 12, 31), 0.1402,
     "Cục Thống kê (Bộ Tài chính), tỷ trọng kinh tế số trong GDP năm 2025: 14,02% (công bố 5-6/01/2026)"),
    ("de-gdp-share", D(2025, 12, 31), 0.1402,
     "Cục Thống kê (Bộ Tài chính), năm 2025: 14,02% (a series other than the 2021-2023 estimates)"),
    ("adult-esignature-share", D(2025, 6, 30), 0.3518,
     "Bộ Khoa học và Công nghệ, 05/9/2025: 21,8 triệu chứng thư chữ ký số cá nhân"),
]


def extend(conn, changes_path, all_ids, kind, name, doc_code):
    del doc_code  # document numbers of this part use the agency id
    cur = conn.cursor()
    cur.execute("ALTER TABLE task ADD COLUMN recorded_on TEXT")
    m = Map(load_changes(changes_path), all_ids, kind, name)
    m.write(cur)
    cur.execute("INSERT INTO dataset (name, sample, description) VALUES (?, ?, ?)", DATASET)
    r = Rng(SEED_2024)
    systems(r, m, cur)
    staff(r, m, cur)
    finish_old_tasks(r, cur)
    tk = Tasks(cur)
    recurring_tasks(r, m, tk)
    new_duty_tasks(r, m, tk)
    measurements(r, m, cur)
    conn.commit()
