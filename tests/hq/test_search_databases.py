"""The register's search finds the same cases whether headquarters keeps its data in SQLite or in PostgreSQL:
SQLite's FTS5 bigram index and PostgreSQL's array of bigrams with its GIN index (app/records/search.py) answer
every kind of query exactly as a plain substring search of the searchable fields would, after cases are
registered, edited through Case.save, and written in bulk as an import writes them (index_cases)."""
from __future__ import annotations

import random
from datetime import datetime, timezone

import models
from app.records import search
from models import Case
from models.entities import new_uuid
from tests.conftest import desk_people, sample_case

AT = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
WORDS = ["理赔", "理赔款", "到账", "未到账", "车险赔款", "态度", "服务态度恶劣", "维修", "喷漆色差", "配件", "保单",
         "退保", "发票", "客服", "电话无人接听", "赔款", "款项", "AbC", "xyz", "Model3"]
NAMES = ["陈志远", "王芳", "李理", "赵赔", "孙到", "周款", "Li Lei"]
PLATES = ["京N6K215", "沪B12345", "粤AX9981", "京A00001"]
QUERIES = [
    # one character: Chinese, a Latin letter (either case), a digit
    "赔", "理", "款", "a", "C", "5", "京",
    # two characters: a word, a cross-segment pair that must not match, a plate prefix, a mobile's digits
    "理赔", "到账", "赔款", "款项", "京N", "ab", "39", "K2", "赔到",
    # three and more: a phrase, one whose bigrams occur apart in many cases, a name, a plate
    "理赔款", "未到账", "车险赔款", "服务态度恶劣", "款项理", "账理赔", "陈志远", "沪B12345", "abc", "model3",
    # numbers with '-' (slip numbers), punctuation alone, several words
    "BJ01-2026-00003", "2026-0001", "-", "01-2", "理赔 到账", "赔 款", "陈志远 理赔款",
]


def expected(rows: list[dict], query: str) -> list[str]:
    """A plain substring search (letters compared case-insensitively), every word in some searchable field."""
    words = query.split()
    return sorted(row["number"] for row in rows
                  if all(any(word.upper() in (row[name] or "").upper() for name in search.FIELDS) for word in words))


def found(query: str) -> list[str]:
    condition = search.search_condition(query)
    return sorted(c.number for c in Case.select(Case.number).where(condition))


def text(rng: random.Random, n: int) -> str:
    return "，".join(rng.choice(WORDS) for _ in range(n))


def build(target: str) -> list[dict]:
    """Cases registered through the services, then many more written in bulk and indexed as an import does, then
    edited both ways; returns every case's searchable fields as stored."""
    from app.services import cases

    models.init_db(target)
    people = desk_people(target)
    rng = random.Random(20261120)
    for i in range(12):
        cases.register_case(people.rec, sample_case(**{
            "summary": text(rng, 2), "reason": text(rng, 1), "content": text(rng, 5),
            "complainant.name": rng.choice(NAMES), "plate_no": rng.choice(PLATES),
            "complainant.mobile": f"139{rng.randrange(10 ** 8):08d}"}), now=AT)
    # written without Case.save, as the headquarters import writes a bundle's cases, then indexed in one pass
    template = Case.select().order_by(Case.id).dicts().first()
    rows = []
    for seq in range(13, 160):
        row = dict(template)
        del row["id"]
        row.update(uuid=new_uuid(), seq=seq, number=f"BJ01-2026-{seq:05d}", summary=text(rng, 2),
                   reason=text(rng, 1), content=text(rng, rng.randrange(1, 8)), complainant_name=rng.choice(NAMES),
                   plate_no=rng.choice(PLATES) if seq % 3 else "", mobile=f"138{rng.randrange(10 ** 8):08d}")
        rows.append(row)
    with models.transaction():
        Case.insert_many(rows).execute()
        ids = [c.id for c in Case.select(Case.id).where(Case.seq >= 13).order_by(Case.id)]
        search.index_cases(ids, documents={c.id: search.case_document(c) for c in Case.select().where(Case.id.in_(ids))})
    # edited one by one (Case.save): words come and go
    with models.transaction():
        for case in Case.select().where(Case.seq.in_(range(7, 160, 7))).order_by(Case.id):
            case.summary, case.content = "服务态度恶劣", text(rng, 2)
            case.save()
    # rewritten in bulk, as an import writes newer versions: the old documents replaced
    updated = [c.id for c in Case.select(Case.id).where(Case.seq.in_(range(5, 160, 5))).order_by(Case.id)]
    with models.transaction():
        before = search.stored_documents(updated)
        for case_id in updated:
            Case.update(content=text(rng, 3), reason="款项理赔款").where(Case.id == case_id).execute()
        search.index_cases(updated, replaced=before)
    return list(Case.select(Case.number, *(getattr(Case, name) for name in search.FIELDS if name != "number"))
                .order_by(Case.id).dicts())


# a headquarters server set up in Chinese: text compared by ICU's zh-CN rules (the search's tokens are not)
CHINESE_DATABASE = "LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'"


def test_search_finds_the_same_cases_in_sqlite_and_postgresql(tmp_path, postgres_server):
    answers = {}
    for kind, target in (("sqlite", str(tmp_path / "hq.sqlite3")), ("postgresql", postgres_server.new_database()),
                         ("postgresql zh-CN", postgres_server.new_database(options=CHINESE_DATABASE))):
        stored = build(target)
        answers[kind] = {}
        for query in QUERIES:
            hits = found(query)
            assert hits == expected(stored, query), (kind, query)
            count = search.count_matches(query)
            assert count is None or count == len(hits), (kind, query)
            answers[kind][query] = hits
        if kind == "postgresql zh-CN":  # compared byte by byte, the GIN index's speed whatever the locale
            assert {row[0] for row in models.database.obj.execute_sql(
                "SELECT collation_name FROM information_schema.columns WHERE table_name IN (%s, %s) AND "
                "column_name IN ('tokens', 'token')", (search.TABLE, search.COUNTS))} == {"C"}
        models.close_db()
    assert answers["sqlite"] == answers["postgresql"] == answers["postgresql zh-CN"]
    # the queries are not trivial: some find most cases, some a few, some none
    sizes = sorted(len(hits) for hits in answers["sqlite"].values())
    assert sizes[0] == 0 and 0 < sizes[len(sizes) // 2] < sizes[-1] and sizes[-1] > 100


def test_a_common_word_and_a_rare_one_give_the_same_screen_as_a_plain_search(postgres_server, monkeypatch):
    """On PostgreSQL the register reads a rare word's few hits from the index but walks the cases in its order for a
    common one: both give the page and the count a LIKE search gives."""
    from app.services import cases, queries

    models.init_db(postgres_server.new_database())
    people = desk_people("pg")
    for i in range(6):
        cases.register_case(people.rec, sample_case(summary="配件缺货" if i % 2 else "服务态度"), now=AT)
    like = [c.id for c in Case.select(Case.id).where(Case.summary.contains("缺货"))
            .order_by(Case.received_at.desc(), Case.id.desc()).limit(2)]
    assert not search._pg_walks(["缺货"])  # six cases: a few hits are read
    for walks in (False, True):
        monkeypatch.setattr(search, "_pg_walks", lambda needed: walks)
        assert queries.ledger_ids(people.admin, {"text": "缺货"}, sort="received_at", limit=2) == like
        assert queries.ledger_count(people.admin, {"text": "缺货"}) == 3
        assert queries.ledger_count(people.admin, {"text": "缺货", "state": "accepted"}) == 3
    models.close_db()


def test_an_older_postgresql_database_gets_its_index_at_the_first_search(postgres_server):
    """A headquarters database made before the search table: its cases are indexed the first time it is searched."""
    from app.services import cases

    url = postgres_server.new_database()
    models.init_db(url)
    people = desk_people(url)
    number = cases.register_case(people.rec, sample_case(summary="配件缺货"), now=AT)["number"]
    models.database.obj.execute_sql(f'DROP TABLE "{search.TABLE}"')
    models.close_db()
    models.init_db(url)  # the table is not made empty at start-up over existing cases
    assert models.database.obj.execute_sql("SELECT to_regclass(%s)", (search.TABLE,)).fetchone()[0] is None
    assert found("配件") == [number] and search.count_matches("缺货") == 1
    models.close_db()


def test_the_count_of_a_word_stays_exact_when_the_counts_are_made_again(postgres_server):
    """PostgreSQL counts a one-token search (a two-character word, one character) from the number of cases holding
    the token: kept with every write of the index (above), made from the index for a database indexed before the
    counts were kept, and made again with the index."""
    url = postgres_server.new_database()
    build(url)
    words = ["理赔", "到账", "赔", "款项", "京N", "5"]
    truth = {word: len(found(word)) for word in words}
    assert all(search.count_matches(word) == n for word, n in truth.items()) and truth["理赔"] > 50
    models.database.obj.execute_sql(f'DROP TABLE "{search.COUNTS}"')
    models.close_db()
    models.init_db(url)
    assert {word: search.count_matches(word) for word in words} == truth
    with models.transaction():
        search.rebuild()
    assert {word: search.count_matches(word) for word in words} == truth
    models.close_db()


def test_every_piece_of_a_text_finds_it_through_postgresql_tokens():
    """What PostgreSQL's index holds for a text contains every token a query cut from that text asks for (so the
    containment never misses a case; LIKE then only removes): random texts of Chinese, letters of both cases,
    full-width and ASCII digits, punctuation and spaces, and random pieces of them."""
    rng = random.Random(7)
    alphabet = "理赔款到账京AaBb12-3 xYz9０N6K215，。/"
    for _ in range(3000):
        values = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in search.FIELDS]
        held = set(search.token_set(search.document(values)))
        value = rng.choice(values)
        if len(value) < 1:
            continue
        start = rng.randrange(len(value))
        piece = value[start:rng.randrange(start, len(value)) + 1]
        for word in piece.split():
            needed, _ = search._pg_parse(word)
            assert set(needed) <= held, (values, word)
