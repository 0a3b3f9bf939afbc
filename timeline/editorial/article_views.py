"""Article pages: reading an article with its dates marked, and adding articles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from timeline.access import is_editor
from timeline.editorial.forms import ArticleForm, PublishedDateForm
from timeline.models import Article
from timeline.pipeline.extract import requeue_article
from timeline.pipeline.ingest import IngestError, ingest_text, ingest_url
from timeline.reader.fragments import render_page
from timeline.reader.highlight import split_by_spans


def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    mentions = list(article.mentions.all())
    return render_page(
        request,
        "timeline/article.html",
        {
            "article": article,
            "mentions": mentions,
            "paragraphs": split_by_spans(article.body, mentions),
            "event_count": article.event_sources.count(),
            "published_form": PublishedDateForm(initial={"published": article.published}),
            # The error's text is for those who can act on it; readers get a plain line.
            "show_error": is_editor(request.user),
        },
        fragment="#article-main",
    )


@login_required
@permission_required("timeline.add_article", raise_exception=True)
def article_create(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["text"]:
                result = ingest_text(
                    data["text"], title=data["title"], published=data["published"], url=data["url"]
                )
            else:
                result = ingest_url(data["url"], published=data["published"])
        except IngestError as exc:
            form.add_error(None, str(exc))
        else:
            if result.created:
                messages.success(request, _("حُفظ المقال وأُرسل لاستخراج التواريخ."))
            else:
                messages.warning(request, _("هذا المقال محفوظ من قبل؛ لم يُحفظ مرة ثانية."))
            return redirect(result.article)
    return render(request, "timeline/article_form.html", {"form": form})


@require_POST
@login_required
@permission_required("timeline.change_article", raise_exception=True)
def article_set_published(request: HttpRequest, article_id: int) -> HttpResponse:
    """Correct an article's publication date; its dates are then extracted again."""
    article = get_object_or_404(Article, pk=article_id)
    form = PublishedDateForm(request.POST)
    if form.is_valid():
        published = form.cleaned_data["published"]
        if published != article.published:
            Article.objects.filter(pk=article.pk).update(published=published)
            requeue_article(article)
            messages.success(request, _("عُدّل تاريخ النشر، وستُستخرج التواريخ من جديد."))
    else:
        messages.error(request, _("تاريخ النشر غير صالح: استعمل الصيغة YYYY-MM-DD."))
    return redirect(article)
