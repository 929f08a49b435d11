"""Every admin list's date hierarchy: a value that is not a date answers 400, never 500."""

import re

import pytest

pytestmark = pytest.mark.django_db

# Each list with a date hierarchy, and the field it drills into.
LISTS = {
    "/admin/articles/article/": ("published_at", "articles"),
    "/admin/comments/comment/": ("created_at", "comments"),
    "/admin/images/image/": ("uploaded_at", "images"),
    "/admin/breaking/breakingnews/": ("starts_at", "breaking-news banners"),
}

NOT_DATES = [
    "year=9999",  # Django computes the end of the year, 10000, and raised ValueError
    "year=9999&month=12",  # ... the next month: OverflowError
    "year=9999&month=12&day=31",  # ... the next day: OverflowError
    "year=99999999999",
    "year=0",
    "year=1",  # before year 1 in UTC east of Greenwich
    "year=-5",
    "year=２０２４",  # full-width digits: int() takes them, the database does not
    "year=2024&month=13",
    "year=2024&month=0",
    "year=2024&month=x",
    "year=2024&month=4&day=31",
    "year=2023&month=2&day=29",
    "year=2024&month=1&day=x",
    "year=2024&month=1&day=99999999999999999999",
    "month=13",
    "day=x",
]

REAL_DATES = ["year=2", "year=9998", "year=9998&month=12&day=31", "year=2024&month=2&day=29"]


def query(field, parts):
    return "&".join(f"{field}__{part}" for part in parts.split("&"))


@pytest.mark.parametrize("parts", NOT_DATES)
@pytest.mark.parametrize("url", LISTS)
def test_a_date_filter_that_is_not_a_date_answers_400(editor_client, url, parts):
    editor_client.raise_request_exception = False
    response = editor_client.get(f"{url}?{query(LISTS[url][0], parts)}")
    assert response.status_code == 400
    assert "That date filter is not a date." in response.content.decode()


@pytest.mark.parametrize("parts", REAL_DATES)
@pytest.mark.parametrize("url", LISTS)
def test_the_extremes_of_real_dates_answer_an_empty_list(editor_client, url, parts):
    field, plural = LISTS[url]
    response = editor_client.get(f"{url}?{query(field, parts)}")
    assert response.status_code == 200
    assert re.search(rf'class="paginator">\s*0 {plural}\s', response.content.decode())
