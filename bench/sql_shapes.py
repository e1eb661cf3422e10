#!/usr/bin/env python3
"""How much Postgres CPU the shape of a statement costs: the list and aggregate workloads'
statements as Graft generates them (as_is, agg_as_is, at commit 20eda08) against hand-written
variants of the same query (the same rows and order): no ORDER BY inside json_agg (the
subquery is ordered already), only the needed columns in the subqueries instead of `.*`, and
no JSON at all (columns plus nested rows as text arrays, the way PostGraphile v5 has Postgres
answer, leaving the JSON to the server). Each runs under pgbench with prepared statements, 32
connections, Postgres pinned to core 1 and pgbench to core 0, interleaved; medians are printed.
Not a test; see docs/benchmarks.md.

Usage: bench/sql_shapes.py [--repeat 4] [--seconds 8]
"""

import argparse
import json
import os
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(BENCH), "tests", "harness"))
sys.path.insert(0, BENCH)

import load  # noqa: E402
import run as bench_run  # noqa: E402

LIST = {
"as_is": '''SELECT (SELECT coalesce(json_agg(row_to_json((SELECT "_5" FROM (SELECT "_1"."id" AS "id", "_1"."name" AS "name", "_1"."industry" AS "industry", (SELECT coalesce(json_agg(row_to_json((SELECT "_4" FROM (SELECT "_3"."id" AS "id", "_3"."name" AS "name", "_3"."stage" AS "stage", "_3"."amount" AS "amount") AS "_4")) ORDER BY "_3"."id" ASC NULLS LAST), '[]') FROM (SELECT "_2".* FROM "public"."deal" AS "_2" WHERE ("_1"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5) AS "_3") AS "deals") AS "_5")) ORDER BY "_1"."name" ASC NULLS LAST), '[]') FROM (SELECT "_0".* FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "_1") AS "account";''',
"no_agg_order": '''SELECT (SELECT coalesce(json_agg(row_to_json((SELECT "_5" FROM (SELECT "_1"."id" AS "id", "_1"."name" AS "name", "_1"."industry" AS "industry", (SELECT coalesce(json_agg(row_to_json((SELECT "_4" FROM (SELECT "_3"."id" AS "id", "_3"."name" AS "name", "_3"."stage" AS "stage", "_3"."amount" AS "amount") AS "_4"))), '[]') FROM (SELECT "_2".* FROM "public"."deal" AS "_2" WHERE ("_1"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5) AS "_3") AS "deals") AS "_5"))), '[]') FROM (SELECT "_0".* FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "_1") AS "account";''',
"narrow_columns": '''SELECT (SELECT coalesce(json_agg(row_to_json((SELECT "_5" FROM (SELECT "_1"."id" AS "id", "_1"."name" AS "name", "_1"."industry" AS "industry", (SELECT coalesce(json_agg(row_to_json((SELECT "_4" FROM (SELECT "_3"."id" AS "id", "_3"."name" AS "name", "_3"."stage" AS "stage", "_3"."amount" AS "amount") AS "_4")) ORDER BY "_3"."id" ASC NULLS LAST), '[]') FROM (SELECT "_2"."id", "_2"."name", "_2"."stage", "_2"."amount" FROM "public"."deal" AS "_2" WHERE ("_1"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5) AS "_3") AS "deals") AS "_5")) ORDER BY "_1"."name" ASC NULLS LAST), '[]') FROM (SELECT "_0"."id", "_0"."name", "_0"."industry" FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "_1") AS "account";''',
"json_build_object": '''SELECT (SELECT coalesce(json_agg(json_build_object('id', "_1"."id", 'name', "_1"."name", 'industry', "_1"."industry", 'deals', (SELECT coalesce(json_agg(json_build_object('id', "_3"."id", 'name', "_3"."name", 'stage', "_3"."stage", 'amount', "_3"."amount") ORDER BY "_3"."id" ASC NULLS LAST), '[]') FROM (SELECT "_2".* FROM "public"."deal" AS "_2" WHERE ("_1"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5) AS "_3")) ORDER BY "_1"."name" ASC NULLS LAST), '[]') FROM (SELECT "_0".* FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "_1") AS "account";''',
"rows_no_json": '''SELECT "_0"."id", "_0"."name", "_0"."industry", array(SELECT array["_2"."id"::text, "_2"."name", "_2"."stage", "_2"."amount"::text] FROM "public"."deal" AS "_2" WHERE "_0"."id" = "_2"."account_id" ORDER BY "_2"."id" LIMIT 5)::text FROM "public"."account" AS "_0" WHERE "_0"."owner_id" = (:v)::int4 ORDER BY "_0"."name" LIMIT 10;''',
"rows_records": '''SELECT array(SELECT ROW("_1"."id", "_1"."name", "_1"."industry", array(SELECT ROW("_3"."id", "_3"."name", "_3"."stage", "_3"."amount") FROM (SELECT "_2".* FROM "public"."deal" AS "_2" WHERE ("_1"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5) AS "_3" ORDER BY "_3"."id" ASC NULLS LAST)) FROM (SELECT "_0".* FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "_1" ORDER BY "_1"."name" ASC NULLS LAST) AS "account";''',
"records_flat": '''SELECT ARRAY(SELECT row("_0"."id", "_0"."name", "_0"."industry", ARRAY(SELECT row("_2"."id", "_2"."name", "_2"."stage", "_2"."amount") FROM "public"."deal" AS "_2" WHERE ("_0"."id" = "_2"."account_id") ORDER BY "_2"."id" ASC NULLS LAST LIMIT 5)) FROM "public"."account" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."name" ASC NULLS LAST LIMIT 10) AS "account";''',
"rows_postgraphile": '''select __account__."id"::text as "0", __account__."name" as "1", __account__."industry" as "2", array(select array[__deal__."id"::text, __deal__."name", __deal__."stage", __deal__."amount"::text]::text[] from "public"."deal" as __deal__ where (__deal__."account_id" = __account__."id") order by __deal__."id" asc limit 5)::text as "3" from "public"."account" as __account__ where (__account__."owner_id" = (:v)::"int4") order by __account__."name" asc, __account__."id" asc limit 10;''',
}
DEEP = {
"deep_records": '''SELECT ARRAY(SELECT row("_0"."id", "_0"."first_name", (SELECT row("_1"."name") FROM "public"."account" AS "_1" WHERE ("_0"."account_id" = "_1"."id") LIMIT 1), ARRAY(SELECT row((SELECT row("_3"."id", "_3"."name", "_3"."amount", (SELECT row("_4"."name") FROM "public"."account" AS "_4" WHERE ("_3"."account_id" = "_4"."id") LIMIT 1)) FROM "public"."deal" AS "_3" WHERE ("_2"."deal_id" = "_3"."id") LIMIT 1)) FROM "public"."associations_contact_deal" AS "_2" WHERE ("_0"."id" = "_2"."contact_id") ORDER BY "_2"."deal_id" ASC NULLS LAST)) FROM "public"."contact" AS "_0" WHERE ("_0"."account_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."id" ASC NULLS LAST) AS "contact";''',
"deep_joins": '''SELECT ARRAY(SELECT row("_0"."id", "_0"."first_name", CASE WHEN "_1"."id" IS NULL THEN NULL ELSE row("_1"."name") END, ARRAY(SELECT row(CASE WHEN "_3"."id" IS NULL THEN NULL ELSE row("_3"."id", "_3"."name", "_3"."amount", CASE WHEN "_4"."id" IS NULL THEN NULL ELSE row("_4"."name") END) END) FROM "public"."associations_contact_deal" AS "_2" LEFT OUTER JOIN "public"."deal" AS "_3" ON ("_2"."deal_id" = "_3"."id") LEFT OUTER JOIN "public"."account" AS "_4" ON ("_3"."account_id" = "_4"."id") WHERE ("_0"."id" = "_2"."contact_id") ORDER BY "_2"."deal_id" ASC NULLS LAST)) FROM "public"."contact" AS "_0" LEFT OUTER JOIN "public"."account" AS "_1" ON ("_0"."account_id" = "_1"."id") WHERE ("_0"."account_id" = (:v)::"pg_catalog"."int4") ORDER BY "_0"."id" ASC NULLS LAST) AS "contact";''',
"deep_postgraphile": '''select __contact__."id"::text as "0", __contact__."first_name" as "1", array(select array[__associations_contact_deal__."deal_id"::text, __deal__."id"::text, __deal__."name", __deal__."amount"::text, __account__."name"]::text[] from "public"."associations_contact_deal" as __associations_contact_deal__ left outer join "public"."deal" as __deal__ on ((__deal__."id" = __associations_contact_deal__."deal_id")) left outer join "public"."account" as __account__ on ((__account__."id" = __deal__."account_id")) where (__associations_contact_deal__."contact_id" = __contact__."id") order by __associations_contact_deal__."deal_id" asc, __associations_contact_deal__."contact_id" asc, __associations_contact_deal__."deal_id" asc)::text as "2", __account_2."name" as "3" from "public"."contact" as __contact__ left outer join "public"."account" as __account_2 on ((__account_2."id" = __contact__."account_id")) where (__contact__."account_id" = (:v)::"int4") order by __contact__."id" asc;''',
}
AGG = {
"agg_as_is": '''SELECT (SELECT json_build_object('aggregate', json_build_object('count', count(*), 'sum', json_build_object('amount', sum("_1"."amount")), 'avg', json_build_object('amount', avg("_1"."amount")))) FROM (SELECT "_0".* FROM "public"."deal" AS "_0" WHERE ("_0"."owner_id" = (:v)::"pg_catalog"."int4")) AS "_1") AS "deal_aggregate";''',
"agg_plain": '''SELECT count(*), sum("_0"."amount")::text, avg("_0"."amount")::text FROM "public"."deal" AS "_0" WHERE "_0"."owner_id" = (:v)::int4;''',
}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--only", help="comma-separated statement names")
    args = parser.parse_args()
    variants = {**LIST, **DEEP, **AGG}
    if args.only:
        variants = {name: variants[name] for name in args.only.split(",")}
    results = {name: [] for name in variants}
    with bench_run.BenchCluster() as pg:
        for pid in [pg.proc.pid] + load.child_pids(pg.proc.pid):
            load.pin(pid, bench_run.DATABASE_CORE, threads=False)
        pg.load(1.0)
        list_answers = {json.dumps(json.loads(pg.psql(LIST[name].replace(":v", "7"))))
                        for name in LIST if not name.startswith(("rows_", "records_"))}
        if len(list_answers) != 1:
            raise SystemExit("the JSON variants of the list query disagree")
        for _ in range(args.repeat):
            for name, sql in variants.items():
                script = "\\set v random(1, 100)\n" + sql + "\n"
                result = bench_run.measure(None, pg, lambda: load.pgbench(
                    pg, script, args.seconds, 32, cpus="0"))
                results[name].append((result["rps"], result["pg_cpu_ms"] / 1000))
    print(f"{'statement':20} {'req/s':>8} {'Postgres CPU ms/req':>20}  (medians of {args.repeat})")
    for name, runs in results.items():
        rps = sorted(r[0] for r in runs)[len(runs) // 2]
        cpu = sorted(r[1] for r in runs)[len(runs) // 2]
        print(f"{name:20} {rps:8.0f} {cpu:20.3f}")


if __name__ == "__main__":
    main()
