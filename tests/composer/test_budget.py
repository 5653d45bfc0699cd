"""The render budget: runaway templates stop fast with a clear error naming the line."""

from __future__ import annotations

import threading
import time

import pytest

from composer import (
    FooterBlock,
    HeadingBlock,
    Template,
    TextBlock,
    builtin_templates,
    render,
    render_jinja,
    render_preview,
    sample_personas,
)
from composer.budget import RenderLimits, render_budget
from composer.errors import RenderBudgetError, RenderCancelledError

ROOMY = RenderLimits(seconds=120)
"""Time enough on a loaded machine: the test is about another limit."""

# Each of these ran for minutes or took gigabytes before the budget.
RUNAWAY = {
    "nested loops": ("{% for i in range(100000) %}{% for j in range(100000) %}x"
                     "{% endfor %}{% endfor %}", "loops"),
    "huge power": ("{{ 10**(10**8) }}", "integer"),
    "huge power of variables": ("{% set b = 10 %}{% set e = 10**8 %}{{ b**e }}", "integer"),
    "huge product": ("{% set x = 10**900 %}{{ x * x }}", "integer"),
    "repeated text": ("{{ 'A'*10**9 }}", "text"),
    "repeated text, number first": ("{{ 10**9 * 'A' }}", "text"),
    "repeated list": ("{{ ([0]*10**9)|length }}", "list"),
    "center filter": ("{{ 'a'|center(10**9) }}", "text"),
    "ljust method": ("{{ 'a'.ljust(10**9) }}", "text"),
    "format width": ("{{ '{:>1000000000}'.format(1) }}", "text"),
    "format width from argument": ("{{ '{:{w}}'.format(1, w=10**9) }}", "text"),
    "percent width": ("{{ '%01000000000d' % 1 }}", "text"),
    "percent star width": ("{{ '%*d' % (10**9, 1) }}", "text"),
    "format filter": ("{{ '%*d'|format(10**9, 1) }}", "text"),
    "doubling with ~": ("{% set s = 'AAAAAAAAAAAAAAAA' %}" + "{% set s = s ~ s %}" * 30
                        + "{{ s|length }}", "text"),
    "doubling with +": ("{% set s = 'AAAAAAAAAAAAAAAA' %}" + "{% set s = s + s %}" * 30
                        + "{{ s|length }}", "text"),
    "join filter": ("{% set s = 'A'*900000 %}{{ [s, s, s]|join }}", "text"),
    "join method": ("{% set s = 'A'*900000 %}{{ ''.join([s, s, s]) }}", "text"),
    "replace filter": ("{{ ('A'*1000)|replace('A', 'B'*10000) }}", "text"),
    "replace method": ("{{ ('A'*1000).replace('A', 'B'*10000) }}", "text"),
    "indent filter": ("{{ ('a\\n'*1000)|indent(10000) }}", "text"),
    "expandtabs": ("{{ ('\\t'*1000).expandtabs(100000) }}", "text"),
    "batch filter": ("{{ [1]|batch(10**9, 0)|list|length }}", "list"),
    "slice filter": ("{{ [1]|slice(10**9)|list|length }}", "list"),
    "tojson indent": ("{{ [1, 2]|tojson(10**9) }}", "text"),
    "lipsum": ("{{ lipsum(10**9) }}", "text"),
    "long output": ("{% for i in range(100000) %}" + "x" * 100 + "{% endfor %}", "output"),
    "block of copies": ("{% set b = 'A'*900000 %}{% set x %}{% for i in range(90000) %}{{ b }}"
                        "{% endfor %}{% endset %}{{ x|length }}", "total"),
    "list of new texts": ("{% set b = 'A'*900000 %}{% set l = [] %}{% for i in range(90000) %}"
                          "{% set _ = l.append(b ~ i) %}{% endfor %}{{ l|length }}", "total"),
    "doubling list": ("{% set l = [1] %}{% for i in range(40) %}{% set _ = l.extend(l) %}"
                      "{% endfor %}{{ l|length }}", "list"),
    "list of a long text written out": (
        "{% set s = 'A'*900000 %}{% set l = [] %}{% for i in range(100) %}"
        "{% set _ = l.append(s) %}{% endfor %}{{ l }}", "text"),
    "list written with ~": ("{% set l = ['A'*900000, 'A'*900000] %}{{ 'x' ~ l }}", "text"),
    "list written with %": ("{% set l = ['A'*900000, 'A'*900000] %}{{ '%s' % (l,) }}", "text"),
    "list written with format": ("{% set l = ['A'*900000, 'A'*900000] %}{{ '{}'.format(l) }}",
                                 "text"),
    "list written with a filter": ("{% set l = ['A'*900000, 'A'*900000] %}{{ l|string }}",
                                   "text"),
    "lists joined": ("{% set l = [['A'*900000], ['A'*900000]] %}{{ l|join }}", "text"),
    "repeated list of a long text": ("{% set s = 'A'*900000 %}{{ ([s]*100)|length }}", "text"),
    "recursive macro": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "recursion"),
    "recursive loop": ("{% set l = [] %}{% set _ = l.append(l) %}{% for x in l recursive %}"
                       "{{ loop(x) }}{% endfor %}", "recursion"),
}


@pytest.mark.parametrize("name", list(RUNAWAY))
def test_runaway_templates_stop_with_a_budget_error(name: str) -> None:
    source, kind = RUNAWAY[name]
    started = time.monotonic()
    with pytest.raises(RenderBudgetError) as caught, render_budget(ROOMY):
        render_jinja(source, {})
    assert caught.value.kind == kind
    assert caught.value.line == 1
    assert time.monotonic() - started < 20
    assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)


def test_slow_loop_body_stops_at_the_time_limit_naming_the_loop_line() -> None:
    source = "Привет\n{% for i in range(100000) %}\n{{ ('a '*400000)|wordwrap(1)|length }}\n" \
             "{% endfor %}"
    started = time.monotonic()
    with pytest.raises(RenderBudgetError) as caught, \
            render_budget(RenderLimits(seconds=0.3)):
        render_jinja(source, {})
    elapsed = time.monotonic() - started
    assert caught.value.kind == "time" and caught.value.line == 2
    assert str(caught.value) == (
        "the template takes too long to render (over 0.3 s): check the loops on line 2")
    assert caught.value.text("ru") == (
        "шаблон отрисовывается слишком долго (больше 0,3 с): проверьте циклы в строке 2")
    assert elapsed < 5


def test_the_line_is_the_document_line_in_a_later_block() -> None:
    template = Template(
        name="t", subject="Тема", preheader="Прехедер",
        blocks=(HeadingBlock("Привет"), TextBlock("Текст"),
                TextBlock("{% for i in range(1000) %}{% for j in range(1000) %}{{ j }}"
                          "{% endfor %}{% endfor %}"),
                FooterBlock()),
    )
    source = template.source()
    expected = next(n for n, text in enumerate(source.splitlines(), 1) if "range(1000)" in text)
    assert expected > 5
    with pytest.raises(RenderBudgetError) as caught, render_budget(ROOMY):
        render_preview(template, sample_personas()[0].context)
    assert caught.value.kind == "loops"
    assert caught.value.line == expected
    assert str(caught.value).endswith(f"check the loops on line {expected}")


def test_russian_texts() -> None:
    error = RenderBudgetError("loops", 100_000, 7, in_loop=True)
    assert error.text("ru") == "циклы шаблона выполняются больше 100\u00a0000 раз: " \
                               "проверьте циклы в строке 7"
    error = RenderBudgetError("integer", 1000, 3)
    assert str(error) == "line 3: the template makes a number with more than 1,000 digits"
    assert error.text("ru") == "строка 3: шаблон создаёт число длиннее 1\u00a0000 цифр"


def test_a_cancelled_render_stops() -> None:
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    with pytest.raises(RenderCancelledError), render_budget(ROOMY, cancelled=stop.is_set):
        render_jinja("{% for i in range(100000) %}{{ ('a '*400000)|wordwrap(1)|length }}"
                     "{% endfor %}", {})
    assert time.monotonic() - started < 20  # not the 120 s the budget would allow


def test_ordinary_templates_render_as_before() -> None:
    context = sample_personas()[2].context
    for template in builtin_templates():
        result = render(template, context)
        assert "<html" in result.html and result.subject
    assert render_jinja("{{ [1, 'a'] }} {{ 'x' ~ [1] }} {% set l = [] %}{% set _ = l.append(l) %}"
                        "{{ l }}", {}) == "[1, &#39;a&#39;] x[1] [[...]]"
    assert render_jinja("{{ 2**100 }} {{ 'ab'*3 }} {{ '%5d' % 42 }} {{ '{:>6}'.format('x') }} "
                        "{{ [1, 2]|join(',') }} {{ 10**999 > 0 }} {{ 'a' ~ 'b' }}", {}) == (
        "1267650600228229401496703205376 ababab    42      x 1,2 True ab")
    text = render_jinja("{% for i in range(50000) %}{{ i % 10 }}{% endfor %}", {})
    assert len(text) == 50000


def test_budget_is_per_render() -> None:
    source = "{% for i in range(60000) %}{% endfor %}ok"
    assert render_jinja(source, {}) == "ok"
    assert render_jinja(source, {}) == "ok"  # the count starts again
    with pytest.raises(RenderBudgetError), render_budget():
        render_jinja(source, {})
        render_jinja(source, {})  # one budget for both pieces


def test_lint_reports_a_runaway_template_as_render_limit_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import composer.budget
    from composer import lint
    from composer.lint import finding_text

    source = ("<mjml><mj-head><mj-title>Тема</mj-title><mj-preview>П</mj-preview></mj-head>\n"
              "<mj-body><mj-section><mj-column>\n"
              "<mj-text>{% for i in range(1000) %}{% for j in range(1000) %}{{ j }}"
              "{% endfor %}{% endfor %}</mj-text>\n"
              '<mj-text><a href="{{ unsubscribe_url }}">Отписаться</a></mj-text>\n'
              "</mj-column></mj-section></mj-body></mjml>\n")
    monkeypatch.setattr(composer.budget, "LIMITS", ROOMY)
    started = time.monotonic()
    report = lint(source)
    assert time.monotonic() - started < 30
    found = [f for f in report.errors if f.code == "render-limit"]
    assert len(found) == 1, report.to_json()
    assert found[0].line == 3
    assert found[0].message == (
        "the template's loops run more than 100,000 times: check the loops on line 3")
    assert finding_text(found[0], "ru") == (
        "циклы шаблона выполняются больше 100\u00a0000 раз: проверьте циклы в строке 3")


def test_running_out_of_memory_is_a_plain_error() -> None:
    class Greedy:
        @property
        def text(self) -> str:
            raise MemoryError

    with pytest.raises(RenderBudgetError) as caught:
        render_jinja("Привет\n{{ value.text }}", {"value": Greedy()})
    assert caught.value.kind == "memory" and caught.value.line == 2
    assert str(caught.value) == ("line 2: the template needs more memory than there is: "
                                 "check its loops and long texts")
