"""The review desk's routes: a thin web layer over Desk (desk.py), one function per page, the
HTML in Jinja2 templates with autoescape on, files served from the store by hash only. Pages
are plain functions, which Starlette runs in its thread pool: reading the store, drawing a
page image or checking a password never holds up the other requests."""

from __future__ import annotations

import getpass
import secrets
import sys
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from baocao.aggregate.amounts import typed_billions
from baocao.aggregate.corrections import CellConflict, CorrectionsError
from baocao.aggregate.export import ExportError
from baocao.campaign import Campaign
from baocao.i18n import _, recorded_text
from baocao.render.money import ty_number
from baocao.render.report import RenderError
from baocao.review.desk import DOWNLOADS, Desk
from baocao.review.overview import shown_time
from baocao.review.rights import refusal
from baocao.review.security import (
    CSRF_FIELD,
    SHA256,
    SecurityHeaders,
    content_disposition,
    csrf_ok,
    csrf_token,
    session_key,
)
from baocao.review.sources import (
    HeadingMark,
    SourceError,
    following_pages,
    heading_marks,
    page_count,
    page_image,
    ready_pdf,
    shows_pages,
    source_pdf,
)
from baocao.review.users import User, UsersError, check_password, load_users

HERE = Path(__file__).parent
SESSION_HOURS = 10          # a working day: a login lasts until the evening
LOGIN_TRIES = 5             # failed logins from one address …
LOGIN_WINDOW = 15 * 60      # … within this many seconds, then it waits


@dataclass(frozen=True)
class Settings:
    """How the desk runs: with a login (users from the store's users.toml) or, on this
    machine alone, as the one local user."""
    require_login: bool = False
    users_file: Path | None = None


FUNDING = 0   # the Conflict's item when the cell is the funding figure, not an outline item


@dataclass(frozen=True)
class Conflict:
    """A save refused because the cell changed after the page was shown: both texts, so
    nothing is lost and the person chooses."""
    item: int                # an outline item, or FUNDING
    saved: str
    by: str
    at: str
    yours: str


def make_app(store_root: Path, campaign: Campaign, settings: Settings = Settings()) -> Starlette:
    desk = Desk(store_root, campaign)
    templates = Jinja2Templates(directory=HERE / "templates")   # autoescapes .html
    local_user = User(getpass.getuser(), "analyst")
    failed_logins: dict[str, deque] = defaultdict(deque)
    # LibreOffice makes a Word file's PDF in the background, one at a time: a page never waits
    # seconds for it; the marks are there on the next visit.
    converter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
    marks_cache: dict[tuple, dict] = {}   # also holds, under (sha,), why a conversion failed

    def current_user(request: Request) -> User | None:
        if not settings.require_login:
            return local_user
        name = request.session.get("user")
        users = load_users(settings.users_file) if settings.users_file else {}
        return users.get(name) if name else None

    def page(request: Request, name: str, context: dict, status_code: int = 200) -> Response:
        context = {"user": current_user(request), "csrf": csrf_token(request), "csrf_field": CSRF_FIELD,
                   "require_login": settings.require_login, "campaign": campaign, **context}
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    async def posted_form(request: Request):
        """The form of a POST whose CSRF token is the session's; anything else changes nothing: 403."""
        form = await request.form()
        if not csrf_ok(request, form.get(CSRF_FIELD)):
            raise HTTPException(403, "Biểu mẫu thiếu mã bảo vệ (CSRF) hoặc mã đã cũ: tải lại trang rồi làm lại.")
        return form

    def signed_in(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise HTTPException(401, "Cần đăng nhập.")
        allowed(user, "read")
        return user

    # -- pages ----------------------------------------------------------------------
    def overview_page(request: Request) -> Response:
        if (redirect := _login_first(request, current_user)) is not None:
            return redirect
        return page(request, "overview.html", {"view": desk.overview(request.query_params.get("loc", "")),
                                               "unattributed": len(desk.unattributed())})

    def province_view(request: Request) -> Response:
        if (redirect := _login_first(request, current_user)) is not None:
            return redirect
        return province_response(request, request.path_params["code"])

    def province_response(request: Request, code: str, conflict: Conflict | None = None,
                          drafts: dict[int, str] | None = None, status_code: int = 200) -> Response:
        view = desk.province(code)
        if view is None:
            raise HTTPException(404, f"Không có tỉnh mã {code!r} trong đợt báo cáo này.")
        marks = _marks(desk, view, converter, marks_cache)
        return page(request, "province.html", {"view": view, "marks": marks, "following": _following(desk, view, marks),
                                                 "conflict": conflict, "drafts": drafts or {}}, status_code)

    async def save_item(request: Request) -> Response:
        form = await posted_form(request)
        return await run_in_threadpool(saved_item, request, form)

    def saved_item(request: Request, form) -> Response:
        user = signed_in(request)
        code, number = request.path_params["code"], request.path_params["number"]
        if desk.province(code) is None or number not in {s.number for s in campaign.sections}:
            raise HTTPException(404, "Không có mục này.")
        checking = form.get("action") == "checked"
        allowed(user, "check" if checking else "correct")
        text = str(form.get("text", "")).replace("\r\n", "\n").replace("\r", "\n").strip()
        try:
            if checking:
                desk.mark_checked(code, number, user.name)
            else:
                desk.correct_text(code, number, text, user.name, str(form.get("version", "")))
        except CellConflict as e:
            latest = e.history[-1]
            conflict = Conflict(number, str(latest.value), latest.by or "(sửa tay)", shown_time(latest.at, campaign.tz),
                                text)
            return province_response(request, code, conflict, {number: text}, 409)
        except CorrectionsError as e:
            raise _not_saved(e) from e
        return RedirectResponse(f"/tinh/{code}#muc-{number}", status_code=303)

    async def save_funding(request: Request) -> Response:
        form = await posted_form(request)
        return await run_in_threadpool(saved_funding, request, form)

    def saved_funding(request: Request, form) -> Response:
        user = signed_in(request)
        code = request.path_params["code"]
        if desk.province(code) is None:
            raise HTTPException(404, f"Không có tỉnh mã {code!r} trong đợt báo cáo này.")
        checking = form.get("action") == "checked"
        allowed(user, "check" if checking else "correct")
        typed = str(form.get("amount", "")).strip()
        try:
            if checking:
                desk.mark_funding_checked(code, user.name)
            else:
                try:
                    vnd = typed_billions(typed)
                except ValueError as e:
                    raise HTTPException(422, f"Chưa lưu tổng kinh phí: {e}.") from e
                desk.correct_funding(code, vnd, user.name, str(form.get("version", "")))
        except CellConflict as e:
            latest = e.history[-1]
            saved = f"{ty_number(latest.value)} tỷ đồng" if isinstance(latest.value, int) else str(latest.value)
            conflict = Conflict(FUNDING, saved, latest.by or "(sửa tay)", shown_time(latest.at, campaign.tz),
                                f"{typed} tỷ đồng")
            return province_response(request, code, conflict, {FUNDING: typed}, 409)
        except CorrectionsError as e:
            raise _not_saved(e) from e
        return RedirectResponse(f"/tinh/{code}#kinh-phi", status_code=303)

    def unattributed_page(request: Request) -> Response:
        if (redirect := _login_first(request, current_user)) is not None:
            return redirect
        return page(request, "unattributed.html", {"messages": desk.unattributed()})

    async def message_change(request: Request) -> Response:
        form = await posted_form(request)
        return await run_in_threadpool(changed_message, request, form)

    def changed_message(request: Request, form) -> Response:
        """A message assigned to a province ("Gán"), or set aside as not a report."""
        user = signed_in(request)
        sha = desk.message(_sha(request))
        if sha is None:
            raise HTTPException(404, "Không có thư này trong kho.")
        change = request.path_params["change"]
        if change not in ("gan", "khong-phai-bao-cao"):
            raise HTTPException(404, "Không có việc này.")
        back = _local_path(str(form.get("back", "/thu-chua-ro-tinh")))
        try:
            if change == "khong-phai-bao-cao":
                allowed(user, "set_aside")
                desk.set_aside(sha, user.name)
            else:
                allowed(user, "assign")
                code = str(form.get("province", ""))
                if code not in {p.code for p in campaign.provinces}:
                    raise HTTPException(422, "Chưa gán: chọn một tỉnh trong danh sách rồi bấm Gán.")
                desk.assign_message(sha, code, user.name)
        except CorrectionsError as e:
            raise _not_saved(e) from e
        return RedirectResponse(back, status_code=303)

    def next_item(request: Request) -> Response:
        if (redirect := _login_first(request, current_user)) is not None:
            return redirect
        item = request.query_params.get("muc", "0")
        after = (request.query_params.get("sau", ""), int(item) if item.isdigit() else 0)
        found = desk.next_to_review(after if after[0] else None)
        if found is None:
            return RedirectResponse("/?loc=can-kiem-tra&het=1", status_code=303)
        return RedirectResponse(f"/tinh/{found[0]}#muc-{found[1]}", status_code=303)

    # -- files, by hash only -----------------------------------------------------------
    def page_png(request: Request) -> Response:
        signed_in(request)
        sha, number = _sha(request), request.path_params["page"]
        known = desk.store.known_document(sha, desk.campaign.id)
        if known is None or not shows_pages(known.format):
            raise HTTPException(404, "Không có trang này.")
        try:
            png = page_image(desk.store, sha, known.format, number)
        except SourceError as e:
            raise HTTPException(404, _page_text(e)) from e
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})

    def original_file(request: Request) -> Response:
        signed_in(request)
        attachment = desk.store.stored_attachment(_sha(request))
        if attachment is None:
            raise HTTPException(404, "Không có tệp này trong kho.")
        a = attachment.attachment
        return Response(desk.store.read_object(a.sha256), media_type="application/octet-stream",
                        headers={"Content-Disposition": content_disposition(a.filename or a.sha256[:12])})

    def download(request: Request) -> Response:
        signed_in(request)
        name = request.path_params["name"]
        if name not in DOWNLOADS:
            raise HTTPException(404, "Không có tệp này.")
        try:
            data = desk.download(name)
        except (RenderError, ExportError, CorrectionsError) as e:
            raise HTTPException(409, f"Chưa tạo được {name}: {_page_text(e)}") from e
        return Response(data, media_type=DOWNLOADS[name], headers={"Content-Disposition": content_disposition(name)})

    # -- logging in ------------------------------------------------------------------
    async def login(request: Request) -> Response:
        if request.method == "GET":
            return page(request, "login.html", {"next": _local_path(request.query_params.get("next", "/"))})
        form = await posted_form(request)
        return await run_in_threadpool(logged_in, request, form)

    def logged_in(request: Request, form) -> Response:
        address = request.client.host if request.client else ""
        tries = failed_logins[address]
        while tries and tries[0] < time.monotonic() - LOGIN_WINDOW:
            tries.popleft()
        if len(tries) >= LOGIN_TRIES:
            return page(request, "login.html", {"next": "/", "error": "Sai quá nhiều lần: chờ 15 phút rồi thử lại."},
                        429)
        users = load_users(settings.users_file) if settings.users_file else {}
        name = str(form.get("name", ""))
        user = users.get(name)
        if not check_password(user, str(form.get("password", ""))):
            tries.append(time.monotonic())
            return page(request, "login.html", {"next": _local_path(str(form.get("next", "/"))), "name": name,
                                                "error": "Tên hoặc mật khẩu không đúng."}, 401)
        request.session.clear()     # a new session on login: nothing planted before it survives
        request.session.update({"user": user.name, CSRF_FIELD: secrets.token_urlsafe(32)})
        return RedirectResponse(_local_path(str(form.get("next", "/"))), status_code=303)

    async def logout(request: Request) -> Response:
        await posted_form(request)
        request.session.clear()
        return RedirectResponse("/dang-nhap", status_code=303)

    async def error_page(request: Request, exc: HTTPException) -> Response:
        return page(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)

    async def users_unreadable(request: Request, exc: UsersError) -> Response:
        """users.toml damaged while the desk runs: nobody can be told apart, so nobody is let in,
        and the page says which file and what to do instead of a 500."""
        _said_at_the_terminal(_("The review desk cannot read its users: {reason}"), exc)
        context = {"user": None, "csrf": csrf_token(request), "csrf_field": CSRF_FIELD, "require_login": True,
                   "campaign": campaign, "status": 409,
                   "detail": f"Chưa đọc được danh sách người dùng: {_page_text(exc)}"}
        return templates.TemplateResponse(request, "error.html", context, status_code=409)

    async def corrections_unreadable(request: Request, exc: CorrectionsError) -> Response:
        """A page that reads corrections.toml (every province page, the overview) when the
        file is damaged: said, and what to do, not a 500."""
        _said_at_the_terminal(_("The review desk cannot read the corrections file: {reason}"), exc)
        return page(request, "error.html", {"status": 409, "detail": f"Chưa đọc được các chỉnh sửa: {_page_text(exc)}"},
                    409)

    routes = [
        Route("/", overview_page),
        Route("/tinh/{code}", province_view),
        Route("/tinh/{code}/muc/{number:int}", save_item, methods=["POST"]),
        Route("/tinh/{code}/kinh-phi", save_funding, methods=["POST"]),
        Route("/thu-chua-ro-tinh", unattributed_page),
        Route("/thu/{sha}/{change:str}", message_change, methods=["POST"]),
        Route("/tiep-theo", next_item),
        Route("/trang/{sha}/{page:int}.png", page_png),
        Route("/tep/{sha}", original_file),
        Route("/tai/{name}", download),
        Route("/dang-nhap", login, methods=["GET", "POST"]),
        Route("/dang-xuat", logout, methods=["POST"]),
        Route("/favicon.ico", lambda request: Response(status_code=204)),   # browsers ask; nothing to show
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        # Signed with the store's key (security.session_key): a login outlives a restart of the desk.
        Middleware(SessionMiddleware, secret_key=_session_key(store_root), session_cookie="baocao_phien",
                   max_age=SESSION_HOURS * 3600, same_site="strict", https_only=False),
    ]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={
        HTTPException: error_page, CorrectionsError: corrections_unreadable, UsersError: users_unreadable})


def allowed(user: User, action: str) -> None:
    """Nothing more when the user's role has the right (rights.RIGHTS); else 403, saying
    which role it needs."""
    if not user.may(action):
        raise HTTPException(403, refusal(user.role, action))


def _session_key(store_root: Path) -> str:
    try:
        return session_key(store_root)
    except OSError as e:   # a store on a read-only disk is still read at the desk
        print(_("cannot keep the desk's session key in {store} ({reason}): logins end when the desk stops; give a "
                "store folder you can write to").format(store=store_root, reason=e.strerror or e), file=sys.stderr)
        return secrets.token_urlsafe(32)


def _page_text(error: Exception) -> str:
    """A library's message (English, the msgid) as the desk's pages say everything: in Vietnamese."""
    return recorded_text(str(error), "vi")


def _not_saved(error: CorrectionsError) -> HTTPException:
    """A change the corrections file refused (a damaged file, a value it cannot take): the
    person reads why on a 409 page."""
    _said_at_the_terminal(_("The review desk did not save a change: {reason}"), error)
    return HTTPException(409, f"Chưa lưu: {_page_text(error)}")


def _said_at_the_terminal(text: str, error: CorrectionsError | UsersError) -> None:
    """Written where the desk runs too (its terminal, the journal under systemd), for whoever
    keeps the store and must mend the file."""
    print(text.format(reason=recorded_text(str(error))), file=sys.stderr, flush=True)


def _login_first(request: Request, current_user) -> Response | None:
    if current_user(request) is None:
        return RedirectResponse(f"/dang-nhap?next={request.url.path}", status_code=303)
    return None


def _local_path(target: str) -> str:
    """Where to go after logging in: a path of this site only, never another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _sha(request: Request) -> str:
    sha = request.path_params["sha"]
    if not SHA256.fullmatch(sha):
        raise HTTPException(404, "Không có tệp này.")
    return sha


def _following(desk: Desk, view, marks: dict) -> dict[int, tuple[int, ...]]:
    """Item number -> the source pages after its heading's that its text runs onto."""
    by_document: dict[str, dict] = {}
    for item in view.items:
        if item.source is not None and isinstance(marks.get(item.number), HeadingMark):
            by_document.setdefault((item.source.document_sha256, item.source.format), {})[item.number] = \
                marks[item.number]
    out = {}
    for (sha, fmt), document_marks in by_document.items():
        pdf = ready_pdf(desk.store, sha, fmt)
        if pdf is not None:
            out |= following_pages(document_marks, page_count(pdf))
    return out


def _marks(desk: Desk, view, converter: ThreadPoolExecutor, cache: dict) -> dict:
    """Item number -> where its heading is marked on the source page (sources.HeadingMark), or
    a sentence saying why there is no page to show yet. A Word file not converted yet is
    handed to the converter; each document's headings are searched once."""
    marks, by_document = {}, {}
    for item in view.items:
        if item.source is not None and shows_pages(item.source.format):
            by_document.setdefault(item.source.document_sha256, []).append(item)
    for sha, items in by_document.items():
        key = (sha, tuple((i.number, i.source.heading, i.source.first_page) for i in items))
        if (sha,) in cache:
            marks |= {i.number: cache[(sha,)] for i in items}
            continue
        if key not in cache:
            pdf = ready_pdf(desk.store, sha, items[0].source.format)
            if pdf is None:
                converter.submit(_convert, desk, sha, items[0].source.format, cache)
                marks |= {i.number: PREPARING for i in items}
                continue
            cache[key] = heading_marks(pdf, {i.number: i.source.heading for i in items},
                                       {i.number: i.source.first_page for i in items})
        marks |= cache[key]
    return marks


PREPARING = "Đang chuyển tệp sang PDF để xem trang nguồn; tải lại trang sau ít giây."


def _convert(desk: Desk, sha: str, format: str, cache: dict) -> None:
    try:
        source_pdf(desk.store, sha, format)
    except SourceError as e:
        cache[(sha,)] = _page_text(e)   # said on the page instead of trying again at every visit
