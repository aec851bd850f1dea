"""A committee whose members are appointed in a list, one person a line.

Hong Kong's press releases name a committee once, as the post its members are appointed to
(行政长官已委任以下人士，由二零零三年三月一日起为可持续发展委员会委员，任期两年：), then list them: a
name with a courtesy title and letters (方敏生女士, 狄志远先生, JP), perhaps the person's role in the
committee in brackets (郑维健博士, GBS, JP(副主席)). The list's lines are read as the acts'
roster reads them (loaders.extract.acts.roster); the role in brackets places its person by
groups.yaml's roles (主席 leads, 副主席 deputises), and everyone else is a member. A line naming
a post (政务司司长(主席)) names no one. The rule is `groups/appointed-list`.
"""

from __future__ import annotations

# a module, not its names: loaders.extract.acts.counted reads groups' names (owners) in turn
import loaders.extract.acts.counted as counted
from loaders.extract.acts.roster import post_line, roster_head, roster_line
from loaders.extract.groups.found import LeadingGroup, member, new_group
from loaders.extract.groups.lines import lines_of
from loaders.extract.groups.names import is_group
from loaders.extract.groups.owners import bracketed_short_names
from loaders.extract.groups.row import Row, Span
from loaders.lexicon import lexicon
from loaders.spans.posts import title_length
from loaders.view import DocumentView

RULE = "groups/appointed-list"
COUNTED_RULE = "groups/counted-list"
_ROLES: dict[str, str] = lexicon().table("groups.roles")
_WHOM = lexicon().words("acts.block_objects")  # 以下人士: only a line holding one may open a list


def appointed_groups(view: DocumentView) -> list[LeadingGroup]:
    """The committees a document appoints people to in lists, with those people."""
    text, groups = view.text, []
    if not any(word in text for word in _WHOM):
        return groups  # most documents appoint no list
    lines = lines_of(text)
    for i, (a, b) in enumerate(lines):
        if not any(word in text[a:b] for word in _WHOM) or (head := roster_head(text, a, b)) is None:
            continue
        p, q = head.posts
        name_end = q - title_length(text[p:q])
        if name_end == q or not is_group(text[p:name_end]):
            continue
        group = new_group(view, p, name_end, RULE)
        group.members = [member(view, row) for row in _rows(text, lines[i + 1:])]
        if group.members:
            groups.append(group)
    return groups


def counted_groups(view: DocumentView) -> list[LeadingGroup]:
    """The committees a release appoints people to by count, with everyone its list names
    (loaders.extract.acts.counted: 委任八名新委员…名单如下: and the labelled sections after)."""
    text, groups = view.text, []
    for ann, sections in counted.counted_lists(text, counted.announcements(text)):
        written = text[slice(*ann.body)]
        # 语常会: a short name, its group named where the text gives it (语文教育及研究常务委员会(语常会))
        body = ann.body if is_group(written) else bracketed_short_names(text).get(written)
        if body is None:
            continue
        group = new_group(view, *body, COUNTED_RULE)
        group.members = [member(view, _counted_row(text, ann, label, name, line))
                         for label, people in sections for name, line in people]
        groups.append(group)
    return groups


def _counted_row(text: str, ann: counted.Announced, label: Span, name: Span, line: Span) -> Row:
    """A person of a counted list: the role the line gives in brackets (王英伟博士(副主席)), else
    the post the announcement says they take (…，担任平等机会委员会委员), else the label as written
    (非官方成员)."""
    if role := counted.line_role(text, line):
        return Row(name, [role], _ROLES.get(text[slice(*role)], "member"), *line, COUNTED_RULE)
    post = ann.post or counted.post_of(text, label, ann.role)
    # 非官方成员 is a title; 获再度委任委员's bare 委员 only repeats the role
    titles = [post] if ann.post or text[slice(*post)] != ann.role else []
    return Row(name, titles, _ROLES.get(text[slice(*label)], "member"), *line, COUNTED_RULE)


def _rows(text: str, lines: list[tuple[int, int]]) -> list[Row]:
    """The list's people, up to the first line that names no one and no post."""
    rows = []
    for a, b in lines:
        if found := roster_line(text, a, b):
            name, role = found
            rank = _ROLES.get(text[role[0]:role[1]], "member") if role else "member"
            rows.append(Row(name, [], rank, a, b, RULE))
        elif not post_line(text, a, b):
            break
    return rows

