#!/usr/bin/env python3
"""Check that the sample country reproduces the facts of the source reports.

    python3 tests/data/check_sample_facts.py <db>

Plain SQL over the database written by data/generate_sample.py, with the
engine's "as of t" semantics: a row counts on t if it existed on t
(created_on/joined_on NULL or <= t, and stopped_on/left_on NULL or > t), and
a date column counts only if it is <= t. Prints one line per fact; stops
with exit status 1 at the first fact that does not hold. docs/sample-data.md
names the report passage behind each fact.

Python 3 standard library only.
"""

import pathlib
import sqlite3
import sys

MID2022 = "2022-06-30"
MID2023 = "2023-06-30"


class Failed(Exception):
    pass


class Checker:
    def __init__(self, conn):
        self.conn = conn
        self.n = 0

    def val(self, sql, *params):
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def col(self, sql, *params):
        return [r[0] for r in self.conn.execute(sql, params).fetchall()]

    def eq(self, label, got, expected):
        if got != expected:
            raise Failed("%s: expected %r, got %r" % (label, expected, got))
        self.n += 1
        print("ok   %s: %r" % (label, got))

    def true(self, label, cond, detail=""):
        if not cond:
            raise Failed("%s%s" % (label, (": " + detail) if detail else ""))
        self.n += 1
        print("ok   %s%s" % (label, (" (" + detail + ")") if detail else ""))


SYS_ALIVE = "(created_on IS NULL OR created_on <= :t) AND (stopped_on IS NULL OR stopped_on > :t)"
STAFF_ALIVE = "(joined_on IS NULL OR joined_on <= :t) AND (left_on IS NULL OR left_on > :t)"
SPECIALIST = "role IN ('security_specialist', 'incident_responder')"


# An agency existing on :t (the engine's agency.valid_from/valid_until).
AGENCY_ALIVE = "(valid_from IS NULL OR valid_from <= :t) AND (valid_until IS NULL OR valid_until > :t)"


def agencies_on(c, t, kind=None):
    sql = "SELECT count(*) FROM agency WHERE " + AGENCY_ALIVE
    if kind:
        sql += " AND kind = :kind"
    return c.conn.execute(sql, {"t": t, "kind": kind}).fetchone()[0]


def check_agencies(c):
    c.eq("agencies in 2022-2023", agencies_on(c, MID2022), 93)
    c.eq("the same on 2023-12-31", agencies_on(c, "2023-12-31"), 93)
    for kind, n in (("ministry", 22), ("gov_agency", 8), ("province", 63)):
        c.eq("agencies of kind %s" % kind, agencies_on(c, MID2022, kind), n)
    for aid, name, kind in (("BHXH", "Bảo hiểm xã hội Việt Nam", "gov_agency"),
                            ("BQLLANG", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "gov_agency"),
                            ("BTTTT", "Bộ Thông tin và Truyền thông", "ministry"),
                            ("NGHE-AN", "Nghệ An", "province"),
                            ("TP-HCM", "TP. Hồ Chí Minh", "province"),
                            ("BA-RIA-VUNG-TAU", "Bà Rịa - Vũng Tàu", "province"),
                            ("THUA-THIEN-HUE", "Thừa Thiên Huế", "province")):
        got = c.conn.execute("SELECT name, kind FROM agency WHERE id = ?", (aid,)).fetchone()
        c.eq("agency %s" % aid, got and tuple(got), (name, kind))


def systems_on(c, t, approved_only=False):
    sql = "SELECT count(*) FROM information_system WHERE " + SYS_ALIVE
    if approved_only:
        sql += " AND level_approved_on IS NOT NULL AND level_approved_on <= :t"
    return c.conn.execute(sql, {"t": t}).fetchone()[0]


def check_systems(c):
    # 002 slide 19: 922 approved, "Đạt 31% trên tổng 3.022 hệ thống".
    c.eq("systems in operation on 2022-06-30 (002)", systems_on(c, MID2022), 3022)
    c.eq("systems with approved level on 2022-06-30 (002)", systems_on(c, MID2022, True), 922)
    c.eq("approved share on 2022-06-30, rounded % (002: 31%)", round(100 * 922 / systems_on(c, MID2022)), 31)
    # 004 §1.7.
    c.eq("systems with approved level on 2022-09-30 (004: 960)", systems_on(c, "2022-09-30", True), 960)
    c.eq("systems with approved level on 2023-08-31 (004: 1.949)", systems_on(c, "2023-08-31", True), 1949)
    c.eq("systems with approved level on 2023-09-18 (004: 1.982)", systems_on(c, "2023-09-18", True), 1982)
    c.eq("systems in operation on 2023-09-18 (004: 3.161)", systems_on(c, "2023-09-18"), 3161)
    stopped_2021 = c.val("SELECT count(*) FROM information_system WHERE stopped_on BETWEEN '2021-01-01' AND '2021-12-31'")
    c.true("systems stopped in 2021 exist and are outside the 2022 base", stopped_2021 >= 5, "%d" % stopped_2021)
    approved_stopped = c.val("SELECT count(*) FROM information_system WHERE stopped_on BETWEEN '2021-01-01' AND '2021-12-31'"
                             " AND level_approved_on IS NOT NULL")
    c.true("some systems stopped in 2021 had an approved level (must not count in 2022)", approved_stopped >= 1,
           "%d" % approved_stopped)
    created_later = c.val("SELECT count(*) FROM information_system WHERE created_on > ?", MID2022)
    stopped_later = c.val("SELECT count(*) FROM information_system WHERE stopped_on > ?", MID2022)
    c.true("systems created and stopped after mid-2022", created_later > 0 and stopped_later > 0,
           "%d created, %d stopped" % (created_later, stopped_later))
    # Per-agency spread on 30/9/2022: a handful at 100%, most partial.
    rows = c.conn.execute(
        "SELECT agency_id, count(*), sum(level_approved_on IS NOT NULL AND level_approved_on <= :t)"
        " FROM information_system WHERE " + SYS_ALIVE + " GROUP BY agency_id", {"t": "2022-09-30"}).fetchall()
    full = [a for a, n, ap in rows if ap == n]
    partial = [a for a, n, ap in rows if 0 < ap < n]
    c.true("a handful of agencies at 100% approved on 2022-09-30", 3 <= len(full) <= 10, ", ".join(sorted(full)))
    c.true("most agencies partially approved on 2022-09-30", len(partial) > len(rows) / 2, "%d of %d" % (len(partial), len(rows)))
    c.eq("every agency has systems", len(rows), 93)
    prov = c.conn.execute(
        "SELECT min(n), max(n) FROM (SELECT count(*) n FROM information_system i JOIN agency a ON a.id = i.agency_id"
        " WHERE a.kind = 'province' AND " + SYS_ALIVE.replace("created_on", "i.created_on").replace("stopped_on", "i.stopped_on")
        + " GROUP BY i.agency_id)", {"t": MID2022}).fetchone()
    c.true("provinces have 15-60 systems on 2022-06-30", prov[0] >= 15 and prov[1] <= 60, "%d..%d" % prov)
    # Levels: most 2-3, few 4-5, NULL only before approval.
    lv = dict(c.conn.execute("SELECT coalesce(level, 0), count(*) FROM information_system GROUP BY level").fetchall())
    c.true("levels mostly 2-3, few 4-5", lv.get(2, 0) + lv.get(3, 0) > 3 * (lv.get(4, 0) + lv.get(5, 0)) and lv.get(5, 0) > 0,
           repr(lv))
    c.eq("approved systems without a level", c.val(
        "SELECT count(*) FROM information_system WHERE level_approved_on IS NOT NULL AND level IS NULL"), 0)
    c.eq("protection deployed without or before approval", c.val(
        "SELECT count(*) FROM information_system WHERE protection_deployed_on IS NOT NULL AND"
        " (level_approved_on IS NULL OR protection_deployed_on < level_approved_on)"), 0)
    c.eq("dates outside a system's lifetime", c.val(
        "SELECT count(*) FROM information_system WHERE"
        " (created_on IS NOT NULL AND (level_approved_on < created_on OR protection_deployed_on < created_on"
        "   OR monitored_since < created_on OR stopped_on <= created_on))"
        " OR (stopped_on IS NOT NULL AND (level_approved_on >= stopped_on OR protection_deployed_on >= stopped_on"
        "   OR monitored_since >= stopped_on))"), 0)
    kinds = c.col("SELECT DISTINCT a.kind FROM information_system i JOIN agency a ON a.id = i.agency_id"
                  " WHERE i.connects_population_db = 1 ORDER BY 1")
    c.true("systems connected to the population database at ministries and provinces",
           "ministry" in kinds and "province" in kinds, ", ".join(kinds))


def check_staff(c):
    n = c.conn.execute("SELECT count(*) FROM security_staff WHERE " + SPECIALIST + " AND " + STAFF_ALIVE,
                       {"t": MID2022}).fetchone()[0]
    c.eq("security specialists in post on 2022-06-30 (002: 2,4 per agency x 93)", n, 223)
    c.eq("average per agency, 1 decimal (002: 2,4)", round(n / 93, 1), 2.4)
    left_before = c.val("SELECT count(*) FROM security_staff WHERE " + SPECIALIST + " AND left_on <= ?", MID2022)
    joined_after = c.val("SELECT count(*) FROM security_staff WHERE " + SPECIALIST + " AND joined_on > ?", MID2022)
    left_after = c.val("SELECT count(*) FROM security_staff WHERE " + SPECIALIST + " AND left_on > ?", MID2022)
    c.true("specialists joined and left over 2021-2023", left_before > 0 and joined_after > 0 and left_after > 0,
           "%d left before, %d joined after, %d left after mid-2022" % (left_before, joined_after, left_after))
    emp = c.col("SELECT DISTINCT employment FROM security_staff ORDER BY 1")
    c.eq("employment mix", emp, ["civil_servant", "contract", "hired_expert"])
    reach = c.conn.execute(
        "SELECT count(*) FROM (SELECT agency_id FROM security_staff WHERE " + SPECIALIST + " AND " + STAFF_ALIVE
        + " GROUP BY agency_id HAVING count(*) >= 5)", {"t": "2022-12-15"}).fetchone()[0]
    c.true("some agencies have 5 specialists on 2022-12-15, most do not", 1 <= reach < 93 / 2, "%d of 93" % reach)


def done_ids(c, obligation, t, kind=None, period=None):
    sql = ("SELECT DISTINCT t.agency_id FROM task t JOIN agency a ON a.id = t.agency_id"
           " WHERE t.obligation_id = ? AND t.completed_on IS NOT NULL AND t.completed_on <= ?")
    params = [obligation, t]
    if kind:
        sql += " AND a.kind = ?"
        params.append(kind)
    if period:
        sql += " AND t.period = ?"
        params.append(period)
    return set(c.col(sql, *params))


def ids_of(c, kind):
    """The agencies of a kind in 2022-2023 (not those of 2025)."""
    return set(r[0] for r in c.conn.execute(
        "SELECT id FROM agency WHERE kind = :kind AND " + AGENCY_ALIVE, {"kind": kind, "t": MID2022}))


def check_tasks(c):
    M, G, P = ids_of(c, "ministry"), ids_of(c, "gov_agency"), ids_of(c, "province")

    def count(ob, t, kind, expected, label, period=None):
        c.eq("%s %s on %s (%s)" % (ob, kind, t, label), len(done_ids(c, ob, t, kind, period)), expected)

    def missing(ob, t, group, expected, label, period=None):
        got = sorted(group - done_ids(c, ob, t, None, period))
        c.eq("%s missing on %s (%s)" % (ob, t, label), got, sorted(expected))

    # 002 slide 11.
    missing("action-plan", MID2022, M, ["BTC", "BCT", "BGDDT"], "002: 19/22", "2022")
    missing("action-plan", MID2022, P, ["BAC-KAN", "BAC-LIEU", "HA-NOI", "LAM-DONG", "NGHE-AN", "PHU-YEN",
                                             "QUANG-TRI", "SOC-TRANG", "THAI-BINH", "VINH-LONG"], "002: 53/63", "2022")
    missing("plan-5y", MID2022, M, [], "002: 22/22")
    missing("plan-5y", MID2022, P, ["NGHE-AN"], "002: 62/63")
    missing("party-resolution", MID2022, P, ["AN-GIANG", "NGHE-AN", "PHU-YEN"], "002: 60/63")
    # 002 slide 13.
    missing("steering-reorg", MID2022, M | G | P, [], "002: 100%")
    count("steering-plan-2022", MID2022, "ministry", 7, "002: 07/22", "2022")
    count("steering-plan-2022", MID2022, "province", 34, "002: 34/63", "2022")
    # 002 slide 17; 004 §1.6.
    count("community-tech-teams", MID2022, "province", 47, "002: 47/63")
    count("community-tech-teams", "2023-09-30", "province", 63, "004: 63/63")
    # 002 slide 16: 43 in the 2022 plan + 9 by separate decision.
    count("platforms-2022", MID2022, "province", 52, "002: 43 + 9 of 63", "2022")
    in_plan = c.val(
        "SELECT count(*) FROM task p JOIN task k ON k.agency_id = p.agency_id AND k.obligation_id = 'action-plan' AND k.period = '2022'"
        " WHERE p.obligation_id = 'platforms-2022' AND p.completed_on <= ? AND p.evidence = k.evidence"
        " AND k.completed_on <= ?", MID2022, MID2022)
    c.eq("platforms-2022 published in the province's 2022 plan (002: 43/63)", in_plan, 43)
    c.eq("platforms-2022 published by separate decision (002: 9/63)",
         len(done_ids(c, "platforms-2022", MID2022, "province")) - in_plan, 9)
    # 002 slide 17.
    count("plan-146", MID2022, "province", 15, "002: 15/63")
    # 002 Kinh tế số slide; 001/003 II.1 / 2.1.
    count("plan-411", MID2022, "ministry", 1, "002: 01/22")
    count("plan-411", MID2022, "gov_agency", 0, "002 counts ministries only")
    count("plan-411", MID2022, "province", 16, "002: 16/63")
    c.eq("plan-411 ministries+gov agencies on %s (001/003: 03/30)" % MID2023,
         len(done_ids(c, "plan-411", MID2023) & (M | G)), 3)
    count("plan-411", MID2023, "province", 36, "001/003: 36/63")
    count("plan-cashless", MID2022, "province", 23, "002: 23/63")
    count("plan-cashless", MID2023, "province", 29, "001/003: 29/63")
    count("plan-smedx", MID2022, "province", 28, "002: 28/63")
    count("plan-smedx", MID2023, "province", 31, "001/003: 31/63")
    # 002 slide 24 (mid-2022) and 004 §1.4 (18/9/2023): population database.
    c.eq("popdb-connect ministries/gov agencies on %s (002: 11 bộ, ngành)" % MID2022,
         len(done_ids(c, "popdb-connect", MID2022) & (M | G)), 11)
    count("popdb-connect", MID2022, "province", 14, "002: 14 địa phương")
    c.eq("popdb-connect ministries/gov agencies on 2023-09-18 (004: 15 bộ, ngành)",
         len(done_ids(c, "popdb-connect", "2023-09-18") & (M | G)), 15)
    count("popdb-connect", "2023-09-18", "province", 63, "004: 63 địa phương")
    # 002 slide 8: BTTTT's National DX Day plan.
    c.eq("dx-day-plan-2022 evidence of BTTTT (002: 1092/QĐ-BTTT[T])",
         c.val("SELECT evidence FROM task WHERE agency_id = 'BTTTT' AND obligation_id = 'dx-day-plan-2022'"),
         "1092/QĐ-BTTTT")
    # 001 III.2: BGDDT's plan assigning the Strategy 411 tasks.
    c.eq("plan-411 evidence of BGDDT (001: 1282/QĐ-BGDĐT ngày 10/05/2022)",
         c.conn.execute("SELECT completed_on, evidence FROM task WHERE agency_id = 'BGDDT' AND obligation_id = 'plan-411'")
         .fetchone(), ("2022-05-10", "1282/QĐ-BGDĐT"))
    # 003 2.6 (7/2023): the digital-university scheme is still being drafted.
    c.eq("digital-university of BGDDT incomplete on 2023-07-12 (003: đang xây dựng)",
         len(done_ids(c, "digital-university", "2023-07-12")), 0)

    # Drills: most agencies held one in 2022, some after 30/11, some never.
    by_due = len(done_ids(c, "drill-2022", "2022-11-30", None, "2022"))
    by_end = len(done_ids(c, "drill-2022", "2022-12-31", None, "2022"))
    c.true("drill-2022: most by 30/11, some later, some never", 93 / 2 < by_due < by_end < 93,
           "%d by 30/11, %d by 31/12 of 93" % (by_due, by_end))

    # The interconnected public services (004 §1.1).
    owners = c.col("SELECT agency_id FROM task WHERE obligation_id = 'dvc-software-fixed' ORDER BY 1")
    c.eq("dvc-software-fixed owners (004)", owners, sorted(["BCA", "BTP", "BYT", "BLDTBXH", "BHXH"]))
    late = c.val("SELECT count(*) FROM task WHERE obligation_id = 'dvc-software-fixed' AND completed_on > '2023-09-30'")
    c.true("dvc-software-fixed: some late", 0 < late < 5, "%d late" % late)
    c.eq("dvc-lienthong-rollout: one task per province",
         c.val("SELECT count(DISTINCT agency_id) FROM task WHERE obligation_id = 'dvc-lienthong-rollout'"), 63)
    c.eq("rollout tasks depending on all five software tasks", c.val(
        "SELECT count(*) FROM (SELECT d.task_id FROM task_dependency d"
        " JOIN task r ON r.id = d.task_id AND r.obligation_id = 'dvc-lienthong-rollout'"
        " JOIN task s ON s.id = d.depends_on AND s.obligation_id = 'dvc-software-fixed'"
        " GROUP BY d.task_id HAVING count(DISTINCT s.agency_id) = 5)"), 63)
    cross = c.val("SELECT count(*) FROM task_dependency d JOIN task a ON a.id = d.task_id JOIN task b ON b.id = d.depends_on"
                  " WHERE a.agency_id <> b.agency_id AND NOT (a.obligation_id = 'dvc-lienthong-rollout')")
    c.true("other cross-agency dependencies (popdb-connect on BCA's popdb-open)", cross > 0, "%d" % cross)
    c.eq("tasks finishing before a task they depend on", c.val(
        "SELECT count(*) FROM task_dependency d JOIN task a ON a.id = d.task_id JOIN task b ON b.id = d.depends_on"
        " WHERE a.completed_on IS NOT NULL AND (b.completed_on IS NULL OR a.completed_on < b.completed_on)"), 0)
    c.eq("dangling dependencies", c.val(
        "SELECT count(*) FROM task_dependency d WHERE d.task_id NOT IN (SELECT id FROM task)"
        " OR d.depends_on NOT IN (SELECT id FROM task)"), 0)

    # Recurring duties (rows for the later recurring rules).
    periods = c.col("SELECT period FROM task WHERE agency_id = 'BTTTT' AND obligation_id = 'national-dx-report' ORDER BY 1")
    expected = ["2023-%02d" % m for m in range(1, 11)]
    c.eq("national-dx-report months missing", sorted(set(expected) - set(periods)), ["2023-02", "2023-05"])
    late = c.col("SELECT period FROM task WHERE obligation_id = 'national-dx-report'"
                 " AND completed_on > date(period || '-01', '+1 month', '-1 day') ORDER BY period")
    c.eq("national-dx-report months late (after the month's last day)", late, ["2023-07", "2025-09"])
    c.eq("annual-review periods to 2023", c.col("SELECT DISTINCT period FROM task WHERE obligation_id = 'annual-review'"
                                                  " AND period <= '2023' ORDER BY 1"),
         ["2022", "2023"])
    c.eq("action-plan 2023 rows (ministries + provinces)",
         c.val("SELECT count(DISTINCT agency_id) FROM task WHERE obligation_id = 'action-plan' AND period = '2023'"), 85)

    # Shape of the rows.
    c.eq("completed tasks without evidence", c.val(
        "SELECT count(*) FROM task WHERE completed_on IS NOT NULL AND (evidence IS NULL OR evidence = '')"), 0)
    c.eq("incomplete tasks without started_on or with progress outside [0, 1)", c.val(
        "SELECT count(*) FROM task WHERE completed_on IS NULL AND"
        " (started_on IS NULL OR progress IS NULL OR progress < 0 OR progress >= 1)"), 0)
    c.eq("tasks completed before they started", c.val(
        "SELECT count(*) FROM task WHERE completed_on < started_on"), 0)


# The 17 Strategy 411 targets to 2025 (001, 003): indicator id -> June 2023
# value, or None where the reports print "-" or no value.
S411 = {
    "de-gdp-share": 0.1496, "de-sector-share": None, "ecommerce-retail-share": 0.075,
    "biz-econtract-share": 0.50, "sme-platform-share": 0.3007, "de-workforce-share": 0.037,
    "adult-smartphone-share": 0.85, "payment-account-share": 0.7463, "adult-esignature-share": 0.03,
    "basic-digital-skills-share": 0.3794, "fibre-household-share": 0.7693,
    "protected-users-share": None, "adult-dvc-use-share": None, "telehealth-use-share": None,
    "ehealth-record-share": None, "higher-ed-digital-share": None, "school-digital-share": None,
}


def national_at(c, indicator, t):
    return c.val("SELECT value FROM measurement WHERE indicator_id = ? AND agency_id IS NULL AND as_of <= ?"
                 " ORDER BY as_of DESC LIMIT 1", indicator, t)


def check_measurements(c):
    c.eq("Strategy 411 indicators", len(S411), 17)
    for ind, v in S411.items():
        if v is None:
            c.eq("%s: no measurement (001/003: '-')" % ind,
                 c.val("SELECT count(*) FROM measurement WHERE indicator_id = ?", ind), 0)
        else:
            c.eq("%s on %s (001/003)" % (ind, MID2023), national_at(c, ind, MID2023), v)
    c.eq("de-sector-share-ict on %s (001/003 1.2: ngành TT&TT 8,98%%)" % MID2023,
         national_at(c, "de-sector-share-ict", MID2023), 0.0898)
    c.eq("de-gdp-share on 2021-12-31 (002: 9,60%)", national_at(c, "de-gdp-share", "2021-12-31"), 0.0960)
    c.eq("de-gdp-share on 2022-06-30 (002: 10,41%)", national_at(c, "de-gdp-share", MID2022), 0.1041)
    c.eq("de-gdp-share before 2021-12-31: none", national_at(c, "de-gdp-share", "2021-12-30"), None)
    c.eq("fibre-household-share on 2023-09-30 (004: 78,38%)", national_at(c, "fibre-household-share", "2023-09-30"), 0.7838)
    c.eq("dvc-online-dossier-share national on 2022-06-30 (002: 45,7%)",
         national_at(c, "dvc-online-dossier-share", MID2022), 0.457)
    c.eq("dvc-online-processing-share national on 2022-06-30 (002: 36,9%)",
         national_at(c, "dvc-online-processing-share", MID2022), 0.369)
    for ind in ("dvc-online-dossier-share", "dvc-online-processing-share"):
        c.eq("%s: agencies with values in 2022" % ind, c.val(
            "SELECT count(DISTINCT agency_id) FROM measurement WHERE indicator_id = ? AND agency_id IS NOT NULL"
            " AND as_of BETWEEN '2022-01-01' AND '2022-12-31'", ind), 93)
    c.eq("shares outside [0, 1]", c.val("SELECT count(*) FROM measurement WHERE value < 0 OR value > 1"), 0)


def check_map_over_time(c):
    """The 2025 reorganisation (data/agency_changes.yaml): 63 -> 34
    provinces on 1/7/2025; 17 ministries and ministry-level bodies and 5
    government agencies from 1/3/2025; Huế from 1/1/2025."""
    c.eq("not Học viện Chính trị quốc gia (a Party body)",
         c.val("SELECT count(*) FROM agency WHERE id = 'HVCTQG'"), 0)
    for t, kind, n in (("2025-06-30", "province", 63), ("2025-07-01", "province", 34),
                       ("2025-02-28", "ministry", 22), ("2025-03-01", "ministry", 17),
                       ("2025-02-28", "gov_agency", 8), ("2025-03-01", "gov_agency", 5),
                       ("2026-12-01", "province", 34), ("2026-12-01", "ministry", 17),
                       ("2026-12-01", "gov_agency", 5)):
        c.eq("%s agencies on %s" % (kind, t), agencies_on(c, t, kind), n)
    c.eq("every agency that ceased has a successor", c.val(
        "SELECT count(*) FROM agency WHERE valid_until IS NOT NULL AND id NOT IN"
        " (SELECT predecessor_id FROM agency_succession)"), 0)
    c.eq("every succession takes effect when its predecessor ceases", c.val(
        "SELECT count(*) FROM agency_succession s JOIN agency a ON a.id = s.predecessor_id"
        " WHERE a.valid_until IS NOT s.effective_on"), 0)
    c.eq("every successor exists on the day", c.val(
        "SELECT count(*) FROM agency_succession s JOIN agency a ON a.id = s.successor_id"
        " WHERE NOT ((a.valid_from IS NULL OR a.valid_from <= s.effective_on)"
        " AND (a.valid_until IS NULL OR a.valid_until > s.effective_on))"), 0)
    c.eq("one main successor each", c.val(
        "SELECT count(*) FROM (SELECT predecessor_id FROM agency_succession GROUP BY predecessor_id"
        " HAVING sum(main) != 1)"), 0)
    c.eq("Bộ Lao động - Thương binh và Xã hội split into five, Bộ Nội vụ main",
         c.col("SELECT successor_id || ':' || main FROM agency_succession WHERE predecessor_id = 'BLDTBXH'"
               " ORDER BY main DESC, successor_id"), ["BNV:1", "BCA:0", "BGDDT:0", "BNNMT:0", "BYT:0"])
    c.eq("Lâm Đồng's predecessors", c.col("SELECT predecessor_id FROM agency_succession"
                                          " WHERE successor_id = 'LAM-DONG' ORDER BY 1"),
         ["BINH-THUAN", "DAK-NONG"])
    c.eq("Thừa Thiên Huế is Huế from 2025-01-01", c.conn.execute(
        "SELECT valid_from, name, kind FROM agency_version WHERE agency_id = 'THUA-THIEN-HUE'").fetchall(),
         [("2025-01-01", "Huế", "province")])
    c.eq("marked as sample data", c.val("SELECT sample FROM dataset"), 1)
    c.eq("no task of 2024-2026 recorded before 2023-10-02 (after every 2021-2023 golden date)",
         c.val("SELECT count(*) FROM task WHERE recorded_on < '2023-10-02'"), 0)
    c.true("tasks of the new duties recorded", c.val(
        "SELECT count(DISTINCT obligation_id) FROM task WHERE obligation_id IN"
        " ('plan-57', 'dvc-commune-2025', 'dvc-province-2025')") == 3)


def main(argv):
    if len(argv) != 2:
        print("usage: %s <db>" % argv[0], file=sys.stderr)
        return 2
    try:
        # Read-only, and never create an empty database by mistake.
        conn = sqlite3.connect(pathlib.Path(argv[1]).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as e:
        print("FAIL cannot open %s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    c = Checker(conn)
    try:
        check_agencies(c)
        check_systems(c)
        check_staff(c)
        check_tasks(c)
        check_measurements(c)
        check_map_over_time(c)
    except Failed as e:
        print("FAIL %s" % e)
        return 1
    except sqlite3.Error as e:
        print("FAIL SQL error: %s" % e)
        return 1
    print("all %d facts hold" % c.n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
