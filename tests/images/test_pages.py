"""What readers get: every picture a rendition in <picture>, body figures included, pages kept
fresh when an image's words change, and no query per picture."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from images.models import Image, Rendition
from tests.factories import make_article, make_category, make_library_image

pytestmark = pytest.mark.django_db

IMG = re.compile(r"<img\b[^>]*>")


def figure(image, alt="Alt from the body"):
    return (
        f'<figure><img src="/media/x.jpg" alt="{alt}" width="800" height="450" '
        f'data-image-id="{image.pk}"><figcaption>Caption <small>Credit</small></figcaption>'
        "</figure>"
    )


def test_body_figures_become_pictures_with_one_query(client, django_assert_max_num_queries):
    images = [make_library_image(size=(1200, 675)) for _ in range(3)]
    article = make_article(body="<p>Before.</p>" + "".join(figure(i) for i in images))
    article = type(article).objects.get(pk=article.pk)
    # the images of the body (their rows list their renditions), whatever the number of figures
    with django_assert_max_num_queries(1):
        html = str(article.body_html)
    assert html.count("<picture>") == 3
    assert html.count('<source type="image/webp"') == 3
    assert html.count('loading="lazy"') == 3
    assert 'alt="Alt from the body"' in html
    assert "<figcaption>Caption <small>Credit</small></figcaption>" in html
    assert 'src="/media/x.jpg"' not in html


def test_a_figure_of_a_deleted_image_stays_as_it_was():
    article = make_article(
        body='<figure><img src="/media/x.jpg" alt="Gone" data-image-id="999999"></figure>'
    )
    html = str(type(article).objects.get(pk=article.pk).body_html)
    assert '<img src="/media/x.jpg" alt="Gone" data-image-id="999999">' in html


def test_a_body_cannot_smuggle_markup_through_the_alt_text():
    image = make_library_image()
    article = make_article(body=figure(image, alt="&quot; onerror=&quot;alert(1)"))
    html = str(type(article).objects.get(pk=article.pk).body_html)
    assert "onerror=" not in html.replace("&quot; onerror=&quot;", "")


def every_reader_img_is_responsive(html):
    tags = IMG.findall(html)
    assert tags
    for tag in tags:
        for attribute in ("srcset=", "sizes=", "width=", "height=", "alt="):
            assert attribute in tag, f"{attribute} missing in {tag}"
        assert "/media/images/renditions/" in tag, tag


def test_seeded_pages_show_only_renditions_with_srcset_sizes_and_size(client, seeded):
    from articles.models import Article

    article = Article.objects.filter(lead_image__isnull=False)[0]
    related_rich = article.get_absolute_url()
    for url in ("/", related_rich, article.section.get_absolute_url()):
        page = client.get(url).content.decode()
        every_reader_img_is_responsive(page.split("<main", 1)[1])
    home = client.get("/").content.decode()
    # The lead story's picture is fetched first; those further down wait for the scroll.
    assert home.count('fetchpriority="high"') == 1
    assert 'loading="lazy"' in home


def test_editing_an_image_refreshes_the_pages_showing_it(site_cache):
    navy = make_category(name="Navy", slug="navy", show_on_home=True)
    image = make_library_image(alt_text="A frigate at anchor", caption="Old caption")
    article = make_article(categories=[navy], lead_image=image)
    other = make_article(categories=[navy], body=figure(image, alt="A frigate again"))
    reader = Client()
    for url in ("/", article.get_absolute_url(), other.get_absolute_url(), "/category/navy/"):
        reader.get(url)
    image.alt_text = "A frigate leaving port"
    image.caption = "New caption"
    image.save()
    assert 'alt="A frigate leaving port"' in reader.get("/").content.decode()
    assert 'alt="A frigate leaving port"' in reader.get("/category/navy/").content.decode()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "New caption" in page and "Old caption" not in page
    # A figure in another article's body: that page is rebuilt too (with the body's own alt).
    assert "<picture>" in reader.get(other.get_absolute_url()).content.decode()


def test_home_page_queries_do_not_grow_with_pictures(client, django_assert_max_num_queries):
    from django.core.cache import caches

    from articles.models import Article

    navy = make_category(name="Navy", slug="navy", show_on_home=True)
    articles = [make_article(categories=[navy]) for _ in range(10)]

    def uncached_home():
        caches["default"].clear()
        caches["template_fragments"].clear()
        return client.get("/").content.decode()

    uncached_home()
    with django_assert_max_num_queries(30) as without_pictures:
        uncached_home()
    before = len(without_pictures.captured_queries)
    for article in articles:
        Article.objects.filter(pk=article.pk).update(lead_image=make_library_image())
    # The same: each lead image's row, read with its article, lists its renditions.
    with django_assert_max_num_queries(before):
        page = uncached_home()
    assert page.count("<picture>") >= 4  # the latest headlines have none


def test_make_renditions_makes_the_missing_ones(capsys):
    image = make_library_image(size=(700, 400))
    Rendition.objects.filter(image=image, width__gt=300).delete()
    call_command("make_renditions")
    assert Rendition.objects.filter(image=image).count() == 10  # 5 widths × 2 formats
    assert "8 renditions made" in capsys.readouterr().out  # 320 to 700, twice
    call_command("make_renditions", "--replace", str(image.pk))
    assert Rendition.objects.filter(image=image).count() == 10
    assert Image.objects.get(pk=image.pk).renditions.count() == 10


@pytest.mark.django_db
def test_body_figures_never_fail_and_leave_other_html_alone():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from articles.sanitize import sanitize_body_html
    from images.body import responsive_body

    image = make_library_image()
    pieces = st.sampled_from(
        [
            "<p>text</p>", f'<img src="/a.jpg" alt="x" data-image-id="{image.pk}">',
            '<img data-image-id="0">', '<img data-image-id="abc">', "<figure>", "</figure>",
            '"', "<", "&amp;", 'alt="', "data-image-id=", f"{image.pk}",
        ]
    )  # fmt: skip

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=12))
    def check(parts):
        clean = sanitize_body_html("".join(parts))
        shown = str(responsive_body(clean))
        if 'data-image-id="' not in clean:
            assert shown == clean
        else:
            assert shown.count("<picture>") == clean.count(f'data-image-id="{image.pk}"')

    check()


def test_full_text_feeds_carry_figures_without_a_query_each(
    client, settings, django_assert_max_num_queries
):
    settings.NEWSDESK = {**settings.NEWSDESK, "FEED_FULL_TEXT": True}
    image = make_library_image(size=(1200, 675))
    make_article(body=figure(image))
    client.get("/feed/")
    caches_cleared()
    with django_assert_max_num_queries(11) as one:
        client.get("/feed/")
    queries = len(one.captured_queries)
    for _ in range(4):
        make_article(body=figure(make_library_image(size=(1200, 675))))
    caches_cleared()
    with django_assert_max_num_queries(queries):
        feed = client.get("/feed/").content.decode()
    assert feed.count("data-image-id=") == 5


def caches_cleared():
    from django.core.cache import caches

    caches["default"].clear()
    caches["template_fragments"].clear()
