"""Who may do what at the desk: the one table of rights. The routes refuse an action by it
(403, saying which role it needs) and the pages show a button only to a role it allows.

    action      clerk  analyst  reviewer
    read          ✓       ✓        ✓       every page, the downloads, the original files
    assign        ✓       ✓        ✓       a message to the province that sent it ("Gán")
    set_aside     ✓       ✓        ✓       a message is no report ("Không phải báo cáo")
    correct               ✓        ✓       an item's text, the funding figure ("Lưu")
    check                 ✓        ✓       an item or the funding figure found right ("Đã kiểm tra")

The clerk sorts the mailbox; the analyst consolidates and corrects; the reviewer checks and
signs, and may correct what they check."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = {"clerk": "Văn thư", "analyst": "Chuyên viên tổng hợp", "reviewer": "Người rà soát"}


@dataclass(frozen=True)
class Right:
    what: str                  # in Vietnamese, as a refusal says it: "sửa văn bản của một mục"
    roles: frozenset[str]      # the roles that have it


_EVERYONE = frozenset(ROLES)
_CORRECTORS = frozenset({"analyst", "reviewer"})
RIGHTS = {
    "read": Right("xem bàn kiểm tra", _EVERYONE),
    "assign": Right("gán thư cho tỉnh", _EVERYONE),
    "set_aside": Right("đánh dấu thư không phải báo cáo", _EVERYONE),
    "correct": Right("sửa văn bản của mục hoặc tổng kinh phí", _CORRECTORS),
    "check": Right("đánh dấu Đã kiểm tra", _CORRECTORS),
}


def may(role: str, action: str) -> bool:
    return role in RIGHTS[action].roles


def refusal(role: str, action: str) -> str:
    """Why a role may not do the action, and which role may: the 403's message."""
    right = RIGHTS[action]
    needed = " hoặc ".join(ROLES[r] for r in ROLES if r in right.roles)
    return f"Vai trò {ROLES.get(role, role)} không được {right.what}: việc này cần vai trò {needed}."
