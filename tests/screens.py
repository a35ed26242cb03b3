"""The two screens the reader-experience tests use: a phone (390×844, touch) and a desktop (1280×900)."""

from __future__ import annotations

from conftest import Visit

SCREENS: dict[str, dict[str, object]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "has_touch": True,
        "is_mobile": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


class Screen(Visit):
    """A `Visit` on a phone or a desktop, with the clipboard readable (to check what a copy button copied)."""

    def __init__(self, browser: object, base: str, kind: str, color_scheme: str = "light") -> None:
        self.base = base
        self.kind = kind
        self.context = browser.new_context(
            **SCREENS[kind], color_scheme=color_scheme, permissions=["clipboard-read", "clipboard-write"]
        )
        self.page = self.context.new_page()
        self.foreign: list[str] = []
        self.missing: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("response", lambda r: self.missing.append(r.url) if r.status >= 400 else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def tap(self, selector: str) -> None:
        """A tap on a phone, a click on a desktop."""
        if self.kind == "phone":
            self.page.tap(selector)
        else:
            self.page.click(selector)

    def clipboard(self) -> str:
        """The text on the clipboard."""
        text: str = self.page.evaluate("() => navigator.clipboard.readText()")
        return text
