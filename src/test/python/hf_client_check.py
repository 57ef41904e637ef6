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
    print("PASSED huggingface_hub compatibility")


if __name__ == "__main__":
    main(sys.argv[1])
