"""The five standards pages with a first text (Editors may edit them: standards/roles.py)."""

from django.db import migrations

PAGES = [
    (
        "/about/",
        "About us",
        """<p>Newsdesk is an independent newsroom covering defence and security in Asia and the
Pacific, and the decisions made elsewhere that shape them: alliances, budgets, weapons programmes,
deployments and the quarrels at sea that can turn into crises.</p>
<p>Our staff journalists in Tokyo, Singapore and London write most of what we publish. We also carry
reports from news agencies, always credited to them at the top of the story, and we say so when a
story is an analysis rather than a news report.</p>
<h2>Who owns us</h2>
<p>Newsdesk is owned by its editors and funded by reader subscriptions and a small number of
clearly marked sponsorships. No government, armed force or defence company owns any part of it or
sees a story before it is published.</p>
<h2>Read more</h2>
<p>How we work is set out in our <a href="/editorial-standards/">editorial standards</a> and our
<a href="/corrections-policy/">corrections policy</a>. Every correction we have made is listed on
the <a href="/corrections/">corrections page</a>.</p>""",
    ),
    (
        "/contact/",
        "Contact",
        """<p>We read everything that reaches us, and answer what we can.</p>
<h2>News tips</h2>
<p>Write to <a href="mailto:tips@newsdesk.example">tips@newsdesk.example</a>. If you need to protect
your identity, say so in your first message and do not send documents until we have agreed how:
we will suggest a safer channel.</p>
<h2>Corrections</h2>
<p>If you think we got something wrong, write to
<a href="mailto:corrections@newsdesk.example">corrections@newsdesk.example</a> with the address of
the article and what you believe is wrong. Our <a href="/corrections-policy/">corrections policy</a>
explains what happens next.</p>
<h2>Everything else</h2>
<p>Editorial questions: <a href="mailto:editors@newsdesk.example">editors@newsdesk.example</a>.
Comments and moderation: <a href="mailto:moderation@newsdesk.example">moderation@newsdesk.example</a>.
Privacy requests: see our <a href="/privacy/">privacy notice</a>.</p>""",
    ),
    (
        "/editorial-standards/",
        "Editorial standards",
        """<p>Readers of a defence desk need to know where a claim comes from and how sure we are of
it. These are the rules our journalists and editors work by.</p>
<h2>Accuracy and sourcing</h2>
<p>We name our sources whenever we can. When a source cannot be named, we say why, and we describe
them as precisely as their safety allows. A claim by a government or armed force is reported as a
claim, attributed, until it is confirmed independently.</p>
<h2>Agency copy</h2>
<p>Stories from news agencies carry the agency's name as their source. We may shorten them or add
context, and we check them against our own reporting when we can.</p>
<h2>Analysis and opinion</h2>
<p>Pieces filed under Analysis explain and interpret; they are marked as such and signed. We do
not publish anonymous opinion.</p>
<h2>Independence</h2>
<p>Our journalists accept no gifts, paid travel or hospitality from governments, armed forces or
companies they cover, beyond what is offered to every reporter at a public event. Sponsored content
is labelled and never written by the newsroom.</p>
<h2>Images</h2>
<p>We do not alter news photographs beyond cropping and colour correction. Illustrations and maps
are labelled as such.</p>""",
    ),
    (
        "/corrections-policy/",
        "Corrections policy",
        """<p>When we get something wrong, we correct it openly and quickly.</p>
<h2>What we correct</h2>
<p>A <strong>correction</strong> fixes a factual error: a wrong name, figure, date or claim. An
<strong>update</strong> adds significant new information to a story after it was published. We fix
spelling and grammar without a note.</p>
<h2>How</h2>
<p>Corrections and updates are added at the foot of the article with their date, saying what was
wrong and what is right, and the article's "Updated" time changes. We do not delete published
articles to hide mistakes; in the rare case that legal reasons force us to take a story down, we
say so at its address.</p>
<p>Every correction and update is also listed, newest first, on our
<a href="/corrections/">corrections page</a>, which has its own feed.</p>
<h2>Asking for a correction</h2>
<p>Write to <a href="mailto:corrections@newsdesk.example">corrections@newsdesk.example</a>. An
editor who did not work on the story reviews each request and replies within two working days.</p>""",
    ),
    (
        "/privacy/",
        "Privacy",
        """<p>We collect as little about you as we can.</p>
<h2>Reading</h2>
<p>Reading Newsdesk sets no cookie and loads nothing from other companies: no advertising, no
analytics service, no social-media buttons. To show "Most read", each article page counts one
anonymous read per visit; we store only the article and the hour, never who or where you are.</p>
<h2>Comments</h2>
<p>When you comment, we keep your name, email address and comment, and for 90 days the IP address
and browser name your comment came from, to fight spam and abuse. Your email address is never
published. After you post, your browser keeps a cookie for 14 days so it can show you your comment
while it waits for moderation.</p>
<h2>Your rights</h2>
<p>You can ask for a copy of your comments, or for their deletion, by writing to
<a href="mailto:privacy@newsdesk.example">privacy@newsdesk.example</a> from the address you
commented with.</p>""",
    ),
]


def create_pages(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    Site = apps.get_model("sites", "Site")
    site, _ = Site.objects.get_or_create(
        pk=1, defaults={"domain": "example.com", "name": "example.com"}
    )
    for url, title, content in PAGES:
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        page.sites.add(site)


def remove_pages(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPage.objects.filter(url__in=[url for url, _, _ in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_pages, remove_pages)]
