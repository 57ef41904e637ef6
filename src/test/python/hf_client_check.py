"""Checks that Hugging Face's own client, huggingface_hub, parses our API's responses.

Usage: python hf_client_check.py BASE_URL
Prints one line per check and exits non-zero on the first failure.
"""
import datetime
import sys

from huggingface_hub import HfApi


def check(condition, message):
    if not condition:
        print("FAIL " + message)
        sys.exit(1)
    print("ok   " + message)


def main(base_url):
    api = HfApi(endpoint=base_url)

    day = list(api.list_daily_papers(date="2026-08-21"))
    check(len(day) == 17, "list_daily_papers(date=2026-08-21) returns 17 papers, got %d" % len(day))
    top = next(p for p in day if p.id == "2608.19880")
    check(top.title == "EnvHarness: Awakening Static Worlds for Agent Learning", "title parsed")
    check(top.upvotes == 163, "upvotes parsed")
    check(len(top.authors) == 17 and top.authors[0].name == "Chengsong Huang", "authors parsed")
    check(top.published_at == datetime.datetime(2026, 8, 20, tzinfo=datetime.timezone.utc), "published_at parsed")
    check(isinstance(top.submitted_at, datetime.datetime), "submitted_at parsed")
    check(top.organization is not None and top.organization.name == "google", "organization parsed")
    check(top.github_repo == "https://github.com/google-research/envharness", "github_repo parsed")
    check(top.comments == 1, "numComments parsed")

    week = list(api.list_daily_papers(week="2026-W34", limit=100))
    check(len(week) == 32, "list_daily_papers(week=2026-W34) returns 32 papers, got %d" % len(week))
    month = list(api.list_daily_papers(month="2024-05", limit=5, p=1))
    check(len(month) == 5, "list_daily_papers(month=2024-05, limit=5, p=1) returns 5 papers")
    trending_free = list(api.list_daily_papers(date="2026-08-21", sort="publishedAt"))
    check(len(trending_free) == 17, "sort=publishedAt accepted")

    info = api.paper_info("2608.19880")
    check(info.id == "2608.19880" and info.upvotes == 163, "paper_info(2608.19880) parsed")
    check(info.published_at.year == 2026, "paper_info published_at parsed")
    old = api.paper_info("math/0211159")
    check(old.title == "The entropy formula for the Ricci flow", "paper_info of an old-style id")

    # every field of paper_info, as huggingface_hub parses it
    check(info.title == "EnvHarness: Awakening Static Worlds for Agent Learning", "paper_info title parsed")
    check(len(info.authors) == 17 and info.authors[0].name == "Chengsong Huang", "paper_info authors parsed")
    check(info.summary.startswith("LLM agents learn by interacting with environments"), "paper_info summary parsed")
    check(info.comments == 1, "paper_info numComments parsed, got %r" % info.comments)
    check(info.discussion_id == "6a87afc589e517cbfd75dbe0", "paper_info discussionId parsed, got %r" % info.discussion_id)
    check(info.submitted_by is not None and info.submitted_by.username == "taesiri", "paper_info submittedOnDailyBy parsed")
    # submittedOnDailyAt: on the feed day, as Hugging Face's own answer had it (2026-08-21T00:00:00.000Z), not the
    # item's publishedAt (2026-08-19T20:00), which falls on an earlier day
    check(info.submitted_at == datetime.datetime(2026, 8, 21, 0, tzinfo=datetime.timezone.utc),
          "paper_info submittedOnDailyAt parsed, got %r" % info.submitted_at)
    check(info.linked_models == [] and info.num_total_models == 0, "paper_info linkedModels: an empty list where none are known")
    check(info.linked_datasets == [] and info.num_total_datasets == 0, "paper_info linkedDatasets: an empty list")
    check(info.linked_spaces == [], "paper_info linkedSpaces: an empty list")
    check(info.github_repo == "https://github.com/google-research/envharness" and info.github_stars == 8, "paper_info github parsed")
    check(info.project_page == "https://envharness.com/", "paper_info projectPage parsed")
    check(info.ai_summary is not None and info.ai_summary.startswith("EnvHarness and EnvRigger"), "paper_info ai_summary parsed")
    check(isinstance(info.ai_keywords, list) and "EnvHarness" in info.ai_keywords, "paper_info ai_keywords parsed")
    check(info.organization is not None and info.organization.name == "google", "paper_info organization parsed")
    linked = api.paper_info("2501.08888")
    check([m.id for m in linked.linked_models] == ["example-org/engine-7b", "example-org/engine-1b"] and linked.num_total_models == 2,
          "paper_info linkedModels parsed as ModelInfo, from imported data")
    check([d.id for d in linked.linked_datasets] == ["example-org/punched-cards"], "paper_info linkedDatasets parsed as DatasetInfo")
    check([s.id for s in linked.linked_spaces] == ["example-org/engine-demo"], "paper_info linkedSpaces parsed as SpaceInfo")
    check(linked.comments == 3 and linked.discussion_id == "6780aa00bb11cc22dd33ee44", "numComments and discussionId of a second paper")

    # list_daily_papers(submitter=): that person's papers only
    mine = list(api.list_daily_papers(submitter="taesiri"))
    check(len(mine) == 5 and all(p.submitted_by.username == "taesiri" for p in mine),
          "list_daily_papers(submitter=taesiri) returns their 5 papers, got %d" % len(mine))
    mine_that_day = list(api.list_daily_papers(date="2026-08-21", submitter="taesiri"))
    check(sorted(p.id for p in mine_that_day) == ["2608.19880", "2608.19891"],
          "list_daily_papers(date=2026-08-21, submitter=taesiri) returns 2 papers")
    check(list(api.list_daily_papers(submitter="nobody-at-all")) == [], "an unknown submitter has no papers")
    paged = list(api.list_daily_papers(submitter="taesiri", sort="trending", limit=2, p=1))
    check(len(paged) == 2, "submitter with sort=trending, limit and p")

    # read_paper: the paper as Markdown
    md = api.read_paper("2608.19880")
    check(md.startswith("# EnvHarness: Awakening Static Worlds for Agent Learning"), "read_paper starts with the title")
    check("Chengsong Huang" in md and "https://arxiv.org/abs/2608.19880" in md and "https://arxiv.org/pdf/2608.19880" in md,
          "read_paper has authors and links")
    check("https://github.com/google-research/envharness" in md and "https://envharness.com/" in md, "read_paper has code and project links")
    check("## Abstract" in md and "## Discussion" in md, "read_paper has the abstract and the discussion")

    # list_papers: the search endpoint
    found = list(api.list_papers(query="EnvHarness", limit=3))
    check(0 < len(found) <= 3 and found[0].id == "2608.19880", "list_papers(query=EnvHarness) finds it first")
    # list_papers() sends no q: Hugging Face answers with a list, not an error; we list what / shows,
    # the latest feed day's papers, most upvoted first
    latest = list(api.list_papers())
    latest_day = list(api.list_daily_papers(limit=100))
    check(len(latest) > 0 and sorted(p.id for p in latest) == sorted(p.id for p in latest_day),
          "list_papers() without a query lists the latest day's %d papers, got %d" % (len(latest_day), len(latest)))
    check([p.upvotes for p in latest] == sorted((p.upvotes for p in latest), reverse=True), "list_papers() most upvoted first")
    check(len(list(api.list_papers(limit=2))) == 2, "list_papers(limit=2) without a query returns 2 papers")
    print("PASSED huggingface_hub compatibility")


if __name__ == "__main__":
    main(sys.argv[1])
