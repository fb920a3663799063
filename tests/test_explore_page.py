"""The explorer page in a real headless Chromium against the real service and Neo4j."""

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import browser
import pytest
from playwright.async_api import Browser, Page, Request, Route, expect

from cypher.runner import CypherRunner
from factories import load, researcher_with_a_bad_count, work
from helpers import execute
from served import Served
from server.auth import mint
from server.cli import sign_in_link
from server.config import Settings
from server.page_documents import PAGE_HASHES

ALL_KINDS = "INSTITUTION,RESEARCHER,TOPIC,WORK"
NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"

# The first pages plan their Cypher on a cold Neo4j: seconds, on a busy 2-core machine.
expect.set_options(timeout=30_000)

pytestmark = browser.MARKS


@pytest.fixture(scope="module")
async def prolific(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A researcher with 25 works: one more page than the first."""
    records = [
        work(f"W-web-{n}", ["A-web-prolific", f"A-web-co-{n % 4}"], ["T-web-0"], year=2000 + n)
        for n in range(25)
    ]
    await load(shared_runner, tmp_path_factory.mktemp("web"), records)
    return "A-web-prolific"


@pytest.fixture
async def page(chromium: Browser) -> AsyncIterator[Page]:
    context = await chromium.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    failures: list[Exception] = []
    page.on("pageerror", lambda error: failures.append(error))
    yield page
    await context.close()
    assert failures == [], "the page raised in the browser"


async def screenshot(page: Page, name: str) -> None:
    await browser.screenshot(page, name, full_page=True)


async def drawn(page: Page) -> dict[str, str]:
    graph = page.locator("#graph")
    await expect(graph).to_have_attribute("data-nodes", re.compile(r"\d+"))
    return await graph.evaluate("g => ({...g.dataset})")  # type: ignore[no-any-return]


async def click_node(page: Page, node_id: str) -> None:
    """A real mouse click where cytoscape drew the node."""
    graph = page.locator("#graph")
    await graph.scroll_into_view_if_needed()
    box = await graph.bounding_box()
    assert box is not None
    # Where the node rests: on a busy machine the layout may still be moving it, and a click
    # where it was a moment ago lands on nothing.
    where = (
        "id => { const p = window.peergraphGraph.getElementById(id).renderedPosition();"
        " return [p.x, p.y]; }"
    )
    x, y = await page.evaluate(where, node_id)
    for _ in range(50):
        await page.wait_for_timeout(100)
        settled = await page.evaluate(where, node_id)
        if settled == [x, y]:
            break
        x, y = settled
    await page.mouse.click(box["x"] + x, box["y"] + y)


async def test_the_seed_profile_shows_its_works_and_a_graph_of_all_four_kinds(
    site: str, page: Page
) -> None:
    await page.goto(f"{site}/explore/A-jian-jiao")

    await expect(page.locator("h1")).to_have_text("Jian Jiao")
    await expect(page.locator("#works > li")).to_have_count(9)
    await expect(page.locator("#trust")).to_contain_text(re.compile(r"Trust \d+ - Emerging"))
    await expect(page.locator("#trust")).to_contain_text("Verification L1")
    await expect(page.locator("#trust")).to_contain_text("Unclaimed author")
    await expect(page.locator("#identity")).to_contain_text("look like 2 different people")
    await expect(page.locator("#claim")).to_have_text("Log in to claim")
    await expect(page.locator("#more-works")).to_be_hidden()
    graph = await drawn(page)
    assert graph["center"] == "A-jian-jiao"
    assert graph["kinds"] == ALL_KINDS
    assert 10 <= int(graph["nodes"]) <= 60
    await screenshot(page, "explore-profile")


async def test_clicking_a_work_node_recentres_the_slice_on_it(site: str, page: Page) -> None:
    await page.goto(f"{site}/explore/A-jian-jiao")
    await drawn(page)
    work_id = await page.evaluate("window.peergraphGraph.nodes('[kind = \"WORK\"]')[0].id()")

    await click_node(page, work_id)

    await expect(page.locator("#graph")).to_have_attribute("data-center", work_id)
    await expect(page.locator("#inspector")).to_contain_text("Work:")
    assert (await drawn(page))["kinds"] == ALL_KINDS
    await screenshot(page, "explore-recentred-on-work")
    await page.locator("#back").click()
    await expect(page.locator("#graph")).to_have_attribute("data-center", "A-jian-jiao")


@pytest.mark.parametrize(
    ("node", "kind", "title"),
    [
        ("T-recommender-systems", "Topic", "Recommender Systems"),
        ("I-microsoft", "Institution", "Microsoft"),
        (
            "W-arxiv-2002.06275",
            "Work",
            "TwinBERT: Distilling Knowledge to Twin-Structured BERT Models for Efficient Retrieval",
        ),
    ],
)
async def test_every_kind_has_a_page_of_its_own(
    site: str, page: Page, node: str, kind: str, title: str
) -> None:
    await page.goto(f"{site}/explore/{node}")

    await expect(page.locator("h1")).to_have_text(title)
    await expect(page.locator("#profile .eyebrow")).to_have_text(kind)
    assert (await drawn(page))["center"] == node


@pytest.mark.parametrize("missing", ["A-nobody-here", "W-nothing-here"])
async def test_an_unknown_id_says_so(site: str, page: Page, missing: str) -> None:
    await page.goto(f"{site}/explore/{missing}")

    await expect(page.locator("[role=alert]")).to_contain_text(
        f"Nothing in the research graph has the id “{missing}”"
    )


async def test_signed_in_the_page_loads_more_works_and_follows(
    site: str, site_settings: Settings, page: Page, prolific: str, runner: CypherRunner
) -> None:
    token = mint(site_settings, {"sub": "web-follower", "email": "someone@example.org"})
    # The very link `make run` prints, for this researcher.
    await page.goto(sign_in_link(site, token, prolific))

    await expect(page.locator("#signin")).to_contain_text("Sign in as someone@example.org?")
    assert "token" not in page.url
    await page.locator("#signin-confirm").click()
    await expect(page.locator("#session")).to_contain_text("Signed in as someone@example.org")
    await expect(page.locator("#signin")).to_be_hidden()
    assert await page.evaluate("localStorage.getItem('peergraph-token')") == token
    assert "token" not in page.url
    # The page is drawn again, signed in.
    await expect(page.locator("#claim")).to_have_text("Claim this author")

    await expect(page.locator("#works > li")).to_have_count(20)
    await page.locator("#more-works").click()
    await expect(page.locator("#works > li")).to_have_count(25)
    await expect(page.locator("#more-works")).to_be_hidden()
    await expect(page.locator("#follow")).to_have_text("Follow researcher 0")
    await page.locator("#follow").click()
    await expect(page.locator("#follow")).to_have_text("Following 1")
    # No ORCID or email on the token matches the record: the claim waits for an admin.
    await page.locator("#claim").click()
    await expect(page.locator("#collaboration")).to_contain_text(
        "Claim sent: an admin will review it."
    )

    result, _ = await execute(
        runner, "query($id: ID!) { researcher(id: $id) { counts { followers } } }", {"id": prolific}
    )
    assert result.errors is None
    assert result.data == {"researcher": {"counts": {"followers": 1}}}


async def test_the_owner_or_an_admin_moves_a_suspected_other_person_in_one_click(
    site: str,
    site_settings: Settings,
    page: Page,
    shared_runner: CypherRunner,
    tmp_path: Path,
) -> None:
    # One record, two circles, each authorship with its own ORCID: two people.
    records = [
        work(f"W-web-split-{n}", ["A-web-split", f"A-web-split-co-{n}"], ["T-web-0"], 2010 + n)
        for n in range(3)
    ]
    for n, record in enumerate(records):
        orcid = "0000-0001-0000-0001" if n < 2 else "0000-0001-0000-0002"
        record["authorships"][0]["author"]["orcid"] = orcid
        record["authorships"][1]["author"]["id"] = (
            "A-web-split-co-a" if n < 2 else "A-web-split-co-b"
        )
    await load(shared_runner, tmp_path, records)
    reader = mint(site_settings, {"sub": "web-reader", "email": "reader@example.org"})
    await page.goto(sign_in_link(site, reader, "A-web-split"))
    await page.locator("#signin-confirm").click()
    await expect(page.locator("#session")).to_contain_text("Signed in as reader@example.org")
    await expect(page.locator("#identity")).to_contain_text("look like 2 different people")
    await page.locator("#identity summary").click()
    await expect(page.locator("#identity")).to_contain_text(
        "ORCID 0000-0001-0000-0002; the others ORCID 0000-0001-0000-0001"
    )
    # Neither the owner nor an admin: no button.
    await expect(page.locator("#split-1")).to_have_count(0)

    admin = mint(
        site_settings, {"sub": "web-admin", "email": "admin@example.org", "roles": ["admin"]}
    )
    # A new load (a link differing only in its fragment would not load the page again).
    await page.goto("about:blank")
    await page.goto(sign_in_link(site, admin, "A-web-split"))
    await page.locator("#signin-confirm").click()
    await expect(page.locator("#session")).to_contain_text("Signed in as admin@example.org")
    await page.locator("#identity summary").click()
    await page.locator("#split-1").click()

    await expect(page.locator("#identity")).to_contain_text("Moved to a new record: ")
    moved = page.locator("#identity a[href^='/explore/A-web-split-split-']")
    href = await moved.get_attribute("href")
    assert href is not None
    result, _ = await execute(
        shared_runner,
        """query($old: ID!, $new: ID!) { old: researcher(id: $old) { counts { works } }
             new: researcher(id: $new) { works(first: 5) { edges { node { id } } } } }""",
        {"old": "A-web-split", "new": href.removeprefix("/explore/")},
    )
    assert result.errors is None
    assert result.data == {
        "old": {"counts": {"works": 2}},
        "new": {"works": {"edges": [{"node": {"id": "W-web-split-2"}}]}},
    }
    await moved.click()
    await expect(page.locator("#works > li")).to_have_count(1)


def graphql_requests(page: Page) -> list[Request]:
    """Every request the page sends to /graphql, as it sends them."""
    sent: list[Request] = []
    page.on("request", lambda r: sent.append(r) if r.url.endswith("/graphql") else None)
    return sent


def body(request: Request) -> dict[str, Any]:
    data = request.post_data_json
    assert isinstance(data, dict)
    return data


async def authorizations(sent: list[Request]) -> list[str]:
    headers = [await r.all_headers() for r in sent]
    return [h["authorization"] for h in headers if "authorization" in h]


@pytest.mark.parametrize("carrier", ["#token=", "?token="])
async def test_a_link_with_someone_elses_token_does_not_sign_the_victim_in(
    site: str, site_settings: Settings, page: Page, prolific: str, carrier: str
) -> None:
    attacker = mint(site_settings, {"sub": "attacker-1", "email": "mallory@example.org"})
    sent = graphql_requests(page)

    await page.goto(f"{site}/explore/{prolific}{carrier}{attacker}")

    prompt = page.locator("#signin")
    await expect(prompt).to_contain_text("Sign in as mallory@example.org?")
    await expect(prompt).to_contain_text("attacker-1")
    await expect(prompt).to_contain_text("not yet checked")
    assert "token" not in page.url
    await screenshot(page, "explore-sign-in-asks-first")
    # The page is shown signed out meanwhile: following asks to sign in, and sends nothing.
    await expect(page.locator("#works > li")).to_have_count(20)
    await expect(page.locator("#claim")).to_have_text("Log in to claim")
    await page.locator("#follow").click()
    await expect(page.locator("#actions [role=status]")).to_contain_text("Sign in to follow")
    await page.locator("#signin-cancel").click()
    await expect(prompt).to_be_hidden()
    await expect(page.locator("#session")).to_have_text("Signed out")
    await page.reload()
    await expect(page.locator("#works > li")).to_have_count(20)

    await expect(prompt).to_be_hidden()
    assert await page.evaluate("localStorage.length") == 0
    assert sent, "the page asked the service nothing"
    assert await authorizations(sent) == []


async def test_a_token_the_service_refuses_is_not_kept(site: str, page: Page) -> None:
    forged = mint(
        Settings(auth_jwt_secret="not-the-site-secret-" + "x" * 20),
        {"sub": "forger", "email": "forger@example.org"},
    )
    await page.goto(f"{site}/explore/A-jian-jiao#token={forged}")
    await expect(page.locator("#signin")).to_contain_text("Sign in as forger@example.org?")

    await page.locator("#signin-confirm").click()

    await expect(page.locator("#signin [role=status]")).to_contain_text("refused")
    await expect(page.locator("#signin-confirm")).to_be_disabled()
    await expect(page.locator("#session")).to_have_text("Signed out")
    assert await page.evaluate("localStorage.length") == 0


async def test_whose_token_it_is_is_shown_as_text_never_as_markup(
    site: str, site_settings: Settings, page: Page
) -> None:
    hostile = '<img src=x id="injected" onerror="document.title=1">'
    token = mint(site_settings, {"sub": hostile, "email": "<b id='bold'>x</b>@example.org"})

    await page.goto(f"{site}/explore/A-jian-jiao#token={token}")

    await expect(page.locator("#signin")).to_contain_text(hostile)
    await expect(page.locator("#signin")).to_contain_text("Sign in as <b id='bold'>x</b>@")
    assert await page.locator("#injected, #bold").count() == 0


async def test_the_page_sends_its_documents_by_hash(site: str, page: Page) -> None:
    sent = graphql_requests(page)
    for _ in range(2):
        await page.goto(f"{site}/explore/W-arxiv-2002.06275")
        await drawn(page)
        await page.goto(f"{site}/explore/A-jian-jiao")
        await drawn(page)

    bodies = [body(r) for r in sent]
    assert {b["operationName"] for b in bodies} == {"NodePage", "ProfilePage"}
    for sent_body in bodies:
        hashed = sent_body["extensions"]["persistedQuery"]["sha256Hash"]
        assert hashed == PAGE_HASHES[sent_body["operationName"]]
    # The text goes at most once per document (after PERSISTED_QUERY_NOT_FOUND), never again.
    texts = [b["operationName"] for b in bodies if "query" in b]
    assert len(texts) == len(set(texts))


async def test_a_service_that_forgot_the_pages_documents_gets_their_text(
    site: str, site_settings: Settings, page: Page
) -> None:
    """Whatever evicted them, the page sends a document's text once the hash is unknown."""
    forgotten = json.dumps(
        {"errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": NOT_FOUND}}]}
    )
    refused: list[str] = []

    async def forget(route: Route) -> None:
        sent = body(route.request)
        if "query" in sent:
            await route.continue_()
        else:
            refused.append(sent["operationName"])
            await route.fulfill(status=200, content_type="application/json", body=forgotten)

    await page.route("**/graphql", forget)
    token = mint(site_settings, {"sub": "forgotten-reader"})
    await page.goto(f"{site}/explore/A-jian-jiao#token={token}")
    await page.locator("#signin-confirm").click()
    await expect(page.locator("#session")).to_contain_text("Signed in as forgotten-reader")

    await expect(page.locator("h1")).to_have_text("Jian Jiao")
    await expect(page.locator("#works > li")).to_have_count(9)
    await drawn(page)
    await page.goto(f"{site}/explore/I-microsoft")
    await expect(page.locator("h1")).to_have_text("Microsoft")
    assert set(refused) == {"SignInCheck", "ProfilePage", "NodePage"}


async def test_how_am_i_connected_finds_the_chain_through_a_search(site: str, page: Page) -> None:
    await page.goto(f"{site}/explore/A-liang-luo")
    await drawn(page)

    await page.locator("#connect-search").fill("Aimin")
    await page.get_by_role("option", name=re.compile("Aimin Li")).click()

    path = page.locator("#connection .path > li > a")
    await expect(path).to_have_text(["Liang Luo", "Jian Jiao", "Aimin Li"])
    await expect(page.locator("#connection")).to_contain_text("2 steps apart")
    assert await page.evaluate("window.peergraphGraph.nodes('.path').length") == 5
    await screenshot(page, "explore-connection")


async def test_a_database_that_is_down_gets_a_clear_message(chromium: Browser, page: Page) -> None:
    down = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_retry_seconds=0)
    with Served(down) as served:
        await page.goto(f"{served.url}/explore/A-jian-jiao")

        await expect(page.locator("[role=alert]")).to_contain_text(
            "The graph database is not answering"
        )
        await expect(page.get_by_role("button", name="Try again")).to_be_visible()


async def test_a_service_that_went_away_gets_a_clear_message(
    site_settings: Settings, page: Page, shared_runner: CypherRunner
) -> None:
    served = Served(site_settings).__enter__()
    await page.goto(f"{served.url}/explore/A-jian-jiao")
    await drawn(page)
    served.stop()

    # Picked as cytoscape would on a click: this test is about the request, and a mouse click
    # can land beside a node still settling (the other tests click for real).
    await page.evaluate("window.peergraphGraph.nodes('[kind = \"WORK\"]')[0].emit('tap')")

    await expect(page.locator(".graph-wrap [role=alert]")).to_contain_text("cannot be reached")


async def test_a_service_that_never_answers_gets_a_clear_message(site: str, page: Page) -> None:
    await page.add_init_script("window.peergraphTimeoutMs = 2000;")
    await page.goto(f"{site}/explore/A-jian-jiao")
    await drawn(page)
    held: list[Route] = []

    async def hold(route: Route) -> None:
        held.append(route)  # taken, never answered

    await page.route("**/graphql", hold)

    await page.evaluate("window.peergraphGraph.nodes('[kind = \"WORK\"]')[0].emit('tap')")

    alert = page.locator(".graph-wrap [role=alert]")
    await expect(alert).to_contain_text("did not answer within 2 s")
    assert len(held) == 1
    await page.unroute_all(behavior="ignoreErrors")


async def test_a_part_that_fails_leaves_the_rest_of_the_profile(
    site: str, page: Page, shared_runner: CypherRunner, tmp_path: Path
) -> None:
    await researcher_with_a_bad_count(shared_runner, tmp_path, "A-web-partial")

    await page.goto(f"{site}/explore/A-web-partial")

    await expect(page.locator("h1")).to_have_text("Author A-web-partial")
    await expect(page.locator("#works > li")).to_have_count(3)
    notices = page.locator("#trust .unavailable")
    await expect(notices).to_have_count(2)
    await expect(notices.nth(0)).to_have_text(re.compile(r"^The trust score could not be loaded: "))
    await expect(notices.nth(1)).to_have_text(
        re.compile(r"^The counts could not be loaded: .+ Reload")
    )
    await expect(page.locator("#trust")).to_contain_text("Verification L1")
    assert (await drawn(page))["center"] == "A-web-partial"
    await screenshot(page, "profile-in-parts")


async def test_explore_alone_finds_a_researcher_as_you_type(site: str, page: Page) -> None:
    await page.goto(f"{site}/explore")

    await page.locator("#find").fill("Jian Jia")
    await page.get_by_role("link", name="Jian Jiao").click()

    await expect(page.locator("h1")).to_have_text("Jian Jiao")
