"""What approves a claim at once: only the claimant's own evidence (an ORCID that is really the
record's, a verified email at an institution on the researcher's OWN authorships or imported
affiliations); everything else waits for an admin, and a user has few claims waiting."""

import asyncio
import json
from typing import Any

import pytest

from cypher.runner import CypherRunner
from factories import SEED, cloned_seed, load
from helpers import execute, graph_counts
from model.users import User
from resolvers.context import Policy
from resolvers.evidence import matching_evidence, orcid_of

CLAIM = """mutation($id: ID!) { claimResearcher(input: {researcherId: $id}) {
  claim { status } researcher { verification claimed } userErrors { code field } } }"""
EDIT = """mutation($id: ID!, $affiliation: ID) {
  updateResearcherProfile(input: {researcherId: $id, affiliationId: $affiliation}) {
    researcher { affiliation { id } } userErrors { code } } }"""
RELEASE = """mutation($id: ID!) { releaseClaim(input: {researcherId: $id}) {
  researcher { claimed verification affiliation { id } pastAffiliations { institution { id } } }
  userErrors { code } } }"""
REVIEW = """mutation($id: ID!) { reviewClaim(input: {claimId: $id, decision: REJECT}) {
  claim { status } userErrors { code } } }"""
PENDING_CLAIMS = "{ viewer { pendingClaims(first: 100) { nodes { id claimantId } } } }"
TAGS = ("e1", "e2", "e3", "e4", "e5", "e6")
VALID_ORCID = "0000-0002-1694-233X"  # ORCID's own example: its check digit is X
ADMIN = User(id="evidence-admin", admin=True)


def verified(user: str, email: str) -> User:
    return User(id=user, email=email, email_verified=True)


async def ok(runner: CypherRunner, query: str, variables: dict[str, Any], viewer: User) -> Any:
    result, _ = await execute(runner, query, variables, viewer)
    assert result.errors is None, result.errors
    return result.data


async def claim(runner: CypherRunner, researcher: str, viewer: User) -> dict[str, Any]:
    data = await ok(runner, CLAIM, {"id": researcher}, viewer)
    return dict(data["claimResearcher"])


APPROVED = {
    "claim": {"status": "APPROVED"},
    "researcher": {"verification": "L2", "claimed": True},
    "userErrors": [],
}
PENDING = {
    "claim": {"status": "PENDING"},
    "researcher": {"verification": "L1", "claimed": False},
    "userErrors": [],
}


def kth_author(researcher: str) -> dict[str, Any]:
    """A researcher whose imported current affiliation is KTH (kth.se)."""
    kth = {"id": "I-e8-kth", "display_name": "KTH", "homepage_url": "https://www.kth.se/"}
    return {"id": researcher, "display_name": "Affiliated Person", "last_known_institutions": [kth]}


@pytest.fixture(scope="module")
async def clones(shared_runner: CypherRunner, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Copies of the seed (same institutions and web domains, new ids), and a researcher with
    an ORCID (OpenAlex states it as a URL) and two with an imported affiliation."""
    records = [r for tag in TAGS for r in cloned_seed(tag)]
    records.append(
        {
            "id": "A-e9-orcid",
            "display_name": "Orcid Holder",
            "orcid": f"https://orcid.org/{VALID_ORCID}",
        }
    )
    records += [kth_author("A-e8-affiliated"), kth_author("A-e7-kth")]
    await load(shared_runner, tmp_path_factory.mktemp("evidence"), records)


# --- 1. email evidence: the researcher's own authorships, not their co-authors' -------------


def test_the_seed_has_a_co_authors_university_on_jian_jiaos_works() -> None:
    """The University of Windsor is on two of Jian Jiao's works, stated for a co-author only."""
    works = [json.loads(line) for line in (SEED / "works.jsonl").read_text().splitlines()]
    own, everyone = set(), set()
    for work in works:
        for authorship in work["authorships"]:
            ids = {i["id"] for i in authorship["institutions"]}
            everyone |= ids
            if authorship["author"]["id"] == "A-jian-jiao":
                own |= ids
    assert own == {"I-microsoft", "I-hit-shenzhen"}
    assert "I-university-of-windsor" in everyone - own


async def test_evidence_domains_are_the_researchers_own(runner: CypherRunner) -> None:
    records = await runner.read("get_claim_evidence", researcherId="A-jian-jiao")

    assert sorted(records[0]["domains"]) == ["hitsz.edu.cn", "microsoft.com"]


async def test_a_co_authors_university_does_not_claim_at_once(
    runner: CypherRunner, clones: None
) -> None:
    windsor = verified("ev-windsor", "someone@uwindsor.ca")

    assert await claim(runner, "A-e1-jian-jiao", windsor) == PENDING


async def test_the_researchers_own_institution_still_claims_at_once(
    runner: CypherRunner, clones: None
) -> None:
    # A subdomain of the institution's domain matches, label by label.
    msr = verified("ev-msr", "jj@research.microsoft.com")
    assert await claim(runner, "A-e6-jian-jiao", msr) == APPROVED
    assert await claim(runner, "A-e6-aimin-li", verified("ev-hit", "al@HITSZ.edu.cn")) == APPROVED


# --- 2. what an owner set by hand is never evidence ------------------------------------------


async def test_releasing_removes_the_owners_affiliation_and_it_never_was_evidence(
    runner: CypherRunner, clones: None
) -> None:
    target = "A-e2-aimin-li"  # Harbin Institute of Technology (Shenzhen); no Georgia Tech
    owner = verified("ev-owner", "al@hitsz.edu.cn")
    assert await claim(runner, target, owner) == APPROVED
    edit = await ok(runner, EDIT, {"id": target, "affiliation": "I-e2-georgia-tech"}, owner)
    assert edit["updateResearcherProfile"] == {
        "researcher": {"affiliation": {"id": "I-e2-georgia-tech"}},
        "userErrors": [],
    }
    # What the owner states is not evidence, even while they own the record.
    evidence = await runner.read("get_claim_evidence", researcherId=target)
    assert sorted(evidence[0]["domains"]) == ["hitsz.edu.cn"]

    released = await ok(runner, RELEASE, {"id": target}, owner)

    assert released["releaseClaim"] == {
        "researcher": {
            "claimed": False,
            "verification": "L1",
            "affiliation": None,
            "pastAffiliations": [{"institution": {"id": "I-e2-hit-shenzhen"}}],  # imported
        },
        "userErrors": [],
    }
    assert await claim(runner, target, verified("ev-gatech", "x@gatech.edu")) == PENDING


async def test_releasing_keeps_the_imported_affiliations(
    runner: CypherRunner, clones: None
) -> None:
    owner = verified("ev-kth-owner", "me@kth.se")
    assert await claim(runner, "A-e8-affiliated", owner) == APPROVED
    # The owner names the imported institution as current: the import's fact stays.
    await ok(runner, EDIT, {"id": "A-e8-affiliated", "affiliation": "I-e8-kth"}, owner)

    released = await ok(runner, RELEASE, {"id": "A-e8-affiliated"}, owner)

    assert released["releaseClaim"]["researcher"]["affiliation"] == {"id": "I-e8-kth"}
    assert await claim(runner, "A-e8-affiliated", verified("ev-kth", "x@kth.se")) == APPROVED


# --- 3. ORCID ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        VALID_ORCID,
        "0000-0002-1694-233x",
        f"https://orcid.org/{VALID_ORCID}",
        f"http://orcid.org/{VALID_ORCID}",
        f"https://www.orcid.org/{VALID_ORCID}",
    ],
)
def test_an_orcid_is_the_bare_id_or_its_orcid_org_url(value: str) -> None:
    assert orcid_of(value) == "000000021694233X"


@pytest.mark.parametrize(
    "value",
    [
        f"https://evil.example/{VALID_ORCID}",
        f"https://orcid.org.evil.example/{VALID_ORCID}",
        f"https://evil.example/https://orcid.org/{VALID_ORCID}",
        f"1{VALID_ORCID}",
        f"{VALID_ORCID}\n",
        f" {VALID_ORCID}",
        f"orcid.org/{VALID_ORCID}",
        f"ftp://orcid.org/{VALID_ORCID}",
        "0000-0002-1694-2330",  # wrong check digit
        "0000-0002-1825-0098",
        "000000021694233X",  # not the hyphenated form
        "\u0660\u0660\u0660\u0660-0002-1694-233X",  # Arabic-Indic zeros
        "",
        None,
        42,
    ],
)
def test_anything_else_is_not_an_orcid(value: Any) -> None:
    assert orcid_of(value) is None


def test_an_orcid_with_a_wrong_check_digit_matches_nothing_not_even_itself() -> None:
    wrong = "0000-0002-1825-0098"

    assert matching_evidence(User(id="u", orcid=wrong), wrong, []) is None


async def test_an_orcid_claims_at_once_only_when_it_is_the_records(
    runner: CypherRunner, clones: None
) -> None:
    evil = User(id="ev-evil-orcid", orcid=f"https://evil.example/{VALID_ORCID}")
    newline = User(id="ev-newline-orcid", orcid=f"{VALID_ORCID}\n")
    assert await claim(runner, "A-e9-orcid", evil) == PENDING
    assert await claim(runner, "A-e9-orcid", newline) == PENDING

    mine = User(id="ev-orcid", orcid=VALID_ORCID.lower())

    assert await claim(runner, "A-e9-orcid", mine) == APPROVED


# --- 4. email -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "domains"),
    [
        ("x@kth.se", ["kth.se"]),
        ("x@KTH.se", ["kth.se"]),
        ("x@mail.kth.se", ["kth.se"]),
        ("x@kth.se", ["KTH.SE"]),
        ("x@münchen.de", ["xn--mnchen-3ya.de"]),
        ("x@xn--mnchen-3ya.de", ["münchen.de"]),
    ],
)
def test_a_verified_email_at_the_domain_matches(email: str, domains: list[str]) -> None:
    viewer = User(id="u", email=email, email_verified=True)

    assert matching_evidence(viewer, None, domains) is not None


@pytest.mark.parametrize(
    ("email", "domains"),
    [
        ("kth.se", ["kth.se"]),  # no @ at all
        ("@kth.se", ["kth.se"]),  # no local part
        ("a@b@kth.se", ["kth.se"]),  # two @
        ("x@.microsoft.com", ["microsoft.com"]),  # an empty label
        ("x@a..microsoft.com", ["microsoft.com"]),
        ("x@\u212ath.se", ["kth.se"]),  # KELVIN SIGN, which lowercases to k
        ("x@\uff4b\uff54\uff48.se", ["kth.se"]),  # fullwidth letters
        ("x@kth\uff0ese", ["kth.se"]),  # a fullwidth full stop
        ("x@kth.se\n", ["kth.se"]),
        ("x @kth.se", ["kth.se"]),
        ("x@notkth.se", ["kth.se"]),
        ("x@kth.se", ["se"]),  # a one-label "institution domain" is no evidence
        ("x@kth.se", ["mail.kth.se"]),  # a parent domain is not a subdomain
        ("x@kth.se", []),
    ],
)
def test_anything_else_is_no_email_evidence(email: str, domains: list[str]) -> None:
    viewer = User(id="u", email=email, email_verified=True)

    assert matching_evidence(viewer, None, domains) is None


def test_an_unverified_or_odd_email_claim_is_no_evidence() -> None:
    assert matching_evidence(User(id="u", email="x@kth.se"), None, ["kth.se"]) is None
    odd = User(id="u", email=["x@kth.se"], email_verified=True)  # type: ignore[arg-type]
    assert matching_evidence(odd, None, ["kth.se"]) is None


async def test_odd_addresses_do_not_claim_at_once(runner: CypherRunner, clones: None) -> None:
    kelvin = verified("ev-kelvin", "x@\u212ath.se")
    assert await claim(runner, "A-e7-kth", kelvin) == PENDING
    bare = verified("ev-bare", "microsoft.com")
    dot = verified("ev-dot", "x@.microsoft.com")

    assert await claim(runner, "A-e3-jian-jiao", bare) == PENDING
    assert await claim(runner, "A-e3-ruofei-zhang", dot) == PENDING


# --- 8. pending claims per user are capped -----------------------------------------------------


async def test_the_sixth_pending_claim_is_refused_and_writes_nothing(
    runner: CypherRunner, clones: None
) -> None:
    hopeful = verified("ev-hopeful", "someone@gmail.com")
    targets = ["A-e4-liang-luo", "A-e4-yinbin-ma", "A-e4-quanyu-zhu", "A-e4-yuxin-chen"]
    targets += ["A-e4-jiecao-yu", "A-e4-buyun-zhang"]
    for target in targets[:5]:
        assert await claim(runner, target, hopeful) == PENDING
    before = await graph_counts(runner)

    refused = await claim(runner, targets[5], hopeful)

    assert refused["claim"] is None
    assert refused["userErrors"] == [
        {"code": "TOO_MANY_PENDING_CLAIMS", "field": ["input", "researcherId"]}
    ]
    assert await graph_counts(runner) == before
    # Once an admin has answered one, there is room for another.
    queue = (await ok(runner, PENDING_CLAIMS, {}, ADMIN))["viewer"]["pendingClaims"]["nodes"]
    first = next(c["id"] for c in queue if c["claimantId"] == hopeful.id)
    assert (await ok(runner, REVIEW, {"id": first}, ADMIN))["reviewClaim"] == {
        "claim": {"status": "REJECTED"},
        "userErrors": [],
    }
    assert await claim(runner, targets[5], hopeful) == PENDING


async def test_racing_claims_respect_the_cap(runner: CypherRunner, clones: None) -> None:
    racer = verified("ev-racer", "someone@gmail.com")
    targets = ["A-e5-liang-luo", "A-e5-yinbin-ma", "A-e5-quanyu-zhu", "A-e5-yuxin-chen"]
    targets += ["A-e5-jiecao-yu", "A-e5-buyun-zhang", "A-e5-tongyi-tang", "A-e5-xiaohan-wei"]
    policy = Policy(max_pending_claims=3)

    results = await asyncio.gather(
        *(execute(runner, CLAIM, {"id": t}, racer, policy) for t in targets)
    )

    outcomes = [r.data["claimResearcher"] for r, _ in results if r.data]
    assert len(outcomes) == len(targets)
    statuses = sorted(str(o["claim"] and o["claim"]["status"]) for o in outcomes)
    assert statuses == ["None"] * 5 + ["PENDING"] * 3
    queue = (await ok(runner, PENDING_CLAIMS, {}, ADMIN))["viewer"]["pendingClaims"]["nodes"]
    assert len([c for c in queue if c["claimantId"] == racer.id]) == 3
